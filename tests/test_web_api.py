"""The web page's API through FastAPI's TestClient: jobs keep their own results under concurrency and
leave no temporary files, a bad file is one Vietnamese line, the token is checked on every request,
and a zip of plans is opened only within its limits."""

from __future__ import annotations

import io
import json
import warnings
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")
with warnings.catch_warnings():  # starlette's notice that httpx2 exists, raised on import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from plancompare import compare, parse
from plancompare.errors import InvalidArgument
from plancompare.web.app import create_app
from plancompare.web.settings import WebSettings, ZipLimits
from web_helpers import AN_GIANG, HA_TINH, NGHE_AN, TRUNCATED, leftovers, wait_for


@pytest.fixture()
def temp_root(tmp_path: Path) -> Path:
    return tmp_path / "uploads"


def _client(temp_root: Path, **settings: object) -> TestClient:
    return TestClient(create_app(WebSettings(temp_root=temp_root, **settings)))  # type: ignore[arg-type]


def _upload(client: TestClient, *files: tuple[str, bytes], **form: str) -> dict:  # type: ignore[type-arg]
    response = client.post("/api/jobs", files=[("files", (n, d, "application/octet-stream")) for n, d in files],
                           data=form)  # fmt: skip
    return {**response.json(), "http": response.status_code}


def _upload_against(
    client: TestClient, plan: tuple[str, bytes], reference: tuple[str, bytes], choice: str
) -> dict:  # type: ignore[type-arg]
    files = [("files", plan), ("reference_file", reference)]
    response = client.post("/api/jobs", files=files, data={"reference": choice})
    return {**response.json(), "http": response.status_code}


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def _expected_coverage(path: Path) -> float:
    return compare(None, parse(path)).summary.coverage


def test_one_plan_gives_the_report_downloads_and_coverage_files(temp_root: Path) -> None:
    with _client(temp_root) as client:
        job = _upload(client, ("an-giang.txt", AN_GIANG.read_bytes()))
        assert job["http"] == 202
        view = wait_for(client, job["id"])
        assert view["status"] == "done" and view["error"] is None
        assert view["plans"][0]["row"]["coverage"] == _expected_coverage(AN_GIANG)
        assert {"summary.csv", "matrix.csv", "coverage.json"} <= set(view["files"])
        page = client.get("/")
        assert page.headers["content-security-policy"].startswith("default-src 'self';")
        assert "http" not in page.text.replace("http-equiv", "")  # no address outside the server
        vi = client.get(f"/api/jobs/{job['id']}/report/0").text
        en = client.get(f"/api/jobs/{job['id']}/report/0", params={"lang": "en"}).text
        assert "Đối chiếu kế hoạch với văn bản tham chiếu" in vi and "Plan comparison" in en
        saved = json.loads(client.get(f"/api/jobs/{job['id']}/plan/0/json").content)
        assert saved["plan"]["source"]["path"] == "an-giang.txt"  # the upload's name, not a temp file
        assert saved["summary"]["coverage"] == view["plans"][0]["row"]["coverage"]
        md = client.get(f"/api/jobs/{job['id']}/plan/0/md", params={"lang": "en"})
        assert md.headers["content-disposition"].endswith("an-giang.md") and "# Plan comparison" in md.text
        assert client.get(f"/api/jobs/{job['id']}/files/../../etc/passwd").status_code == 404
        assert (
            client.get(f"/api/jobs/{job['id']}/files/nothing.csv")
            .json()["error"]
            .endswith("không có tệp nothing.csv")
        )
        assert leftovers(temp_root)[0].name.startswith("plancompare-web-")
        assert len(leftovers(temp_root)) == 1  # the root only: the upload folder went with the job
    assert leftovers(temp_root) == []


def test_ten_parallel_uploads_and_a_hundred_requests_keep_every_result(temp_root: Path) -> None:
    plans = [AN_GIANG, HA_TINH, NGHE_AN]
    expected = {p: _expected_coverage(p) for p in plans}
    chosen = [plans[i % 3] for i in range(10)]
    with _client(temp_root) as client:
        with ThreadPoolExecutor(max_workers=10) as pool:
            jobs = list(pool.map(lambda i: _upload(client, (f"plan-{i}{chosen[i].suffix}", chosen[i].read_bytes())),
                                 range(10)))  # fmt: skip
        assert [j["http"] for j in jobs] == [202] * 10 and len({j["id"] for j in jobs}) == 10
        views = [wait_for(client, j["id"]) for j in jobs]
        for i, view in enumerate(views):
            assert view["status"] == "done"
            assert [p["name"] for p in view["plans"]] == [f"plan-{i}{chosen[i].suffix}"]
            assert view["plans"][0]["row"]["coverage"] == expected[chosen[i]]
        for n in range(100):  # sequential: status, downloads, reports, all still the right job's
            i = n % 10
            if n % 3 == 0:
                assert client.get(f"/api/jobs/{jobs[i]['id']}").json() == views[i]
            elif n % 3 == 1:
                data = json.loads(client.get(f"/api/jobs/{jobs[i]['id']}/plan/0/json").content)
                assert data["plan"]["source"]["path"] == f"plan-{i}{chosen[i].suffix}"
            else:
                assert f"plan-{i}{chosen[i].suffix}" in client.get(f"/api/jobs/{jobs[i]['id']}/report/0").text
        assert len(leftovers(temp_root)) == 1
    assert leftovers(temp_root) == []


def test_a_bad_file_is_one_vietnamese_line_and_the_others_still_run(temp_root: Path) -> None:
    with _client(temp_root) as client:
        alone = wait_for(client, _upload(client, ("truncated.pdf", TRUNCATED.read_bytes()))["id"])
        assert alone["status"] == "failed"
        assert alone["error"].startswith("Không đọc được tệp: truncated.pdf: not a readable PDF")
        assert "\n" not in alone["error"] and "Traceback" not in alone["error"]
        mixed = wait_for(
            client, _upload(client, ("a.txt", HA_TINH.read_bytes()), ("b.pdf", TRUNCATED.read_bytes()))["id"]
        )
        assert mixed["status"] == "done"
        errors = {p["name"]: p["error"] for p in mixed["plans"]}
        assert errors["a.txt"] is None and errors["b.pdf"].startswith("Không đọc được tệp: b.pdf:")
        wrong_type = _upload(client, ("setup.exe", b"MZ\x90\x00"))
        assert wrong_type["http"] == 400 and "setup.exe" in wrong_type["error"]
        assert _upload(client)["http"] == 400  # no file at all
        too_big = _client(temp_root / "small", parse={"max_bytes": 1000}, max_request_bytes=200_000)
        with too_big:
            refused = _upload(too_big, ("an-giang.txt", AN_GIANG.read_bytes()))
            whole = _upload(too_big, *[(f"{i}.txt", HA_TINH.read_bytes()) for i in range(200)])
        assert refused["http"] == 400 and "1000 bytes" in refused["error"]
        assert whole["http"] == 413 and whole["error"].startswith("lượt tải lên lớn hơn giới hạn 200000 byte")
    assert leftovers(temp_root) == [temp_root / "small"]


def test_the_reference_can_be_another_plan_or_an_uploaded_document(temp_root: Path) -> None:
    with _client(temp_root) as client:
        missing = _upload(client, ("ha-tinh.txt", HA_TINH.read_bytes()), reference="plan")
        assert missing["http"] == 400 and "tham chiếu" in missing["error"]
        job = _upload_against(
            client, ("ha-tinh.txt", HA_TINH.read_bytes()), ("an-giang.txt", AN_GIANG.read_bytes()), "plan"
        )
        view = wait_for(client, job["id"])
    expected = compare(parse(AN_GIANG), parse(HA_TINH)).summary.coverage
    assert view["status"] == "done" and view["reference"] == "an-giang.txt"
    assert view["plans"][0]["row"]["coverage"] == expected


def test_the_token_is_checked_on_every_request(temp_root: Path) -> None:
    with pytest.raises(InvalidArgument, match="--token"):
        create_app(WebSettings(host="0.0.0.0", temp_root=temp_root))
    with _client(temp_root, token="bi-mat-chung") as client:
        assert client.get("/").status_code == 401
        assert client.get("/assets/app.js").status_code == 401
        assert client.get("/", headers={"x-plancompare-token": "wrong"}).status_code == 401
        assert client.get("/", params={"token": "bi-mat-chung"}).status_code == 200
        refused = client.post("/api/jobs", files=[("files", ("a.txt", HA_TINH.read_bytes()))])
        assert refused.status_code == 401 and refused.json()["error"] == "thiếu hoặc sai mã truy cập (token)"
        good = client.post(
            "/api/jobs", files=[("files", ("a.txt", HA_TINH.read_bytes()))], headers={"x-plancompare-token": "bi-mat-chung"}
        )  # fmt: skip
        assert good.status_code == 202
        assert wait_for(client, good.json()["id"], token="bi-mat-chung")["status"] == "done"


def test_a_zip_of_plans_is_opened_within_its_limits(temp_root: Path) -> None:
    three = {"ke-hoach/an-giang.txt": AN_GIANG.read_bytes(), "ke-hoach/ha-tinh.txt": HA_TINH.read_bytes(),
             "ke-hoach/nghe-an.md": NGHE_AN.read_bytes(), "ke-hoach/ghi-chu.xlsx": b"x", "__MACOSX/._a.txt": b"x"}  # fmt: skip
    with _client(temp_root, zip=ZipLimits(max_members=3, max_total_bytes=2_000_000)) as client:
        view = wait_for(client, _upload(client, ("tinh.zip", _zip(three)))["id"])
        assert sorted(p["name"] for p in view["plans"]) == ["an-giang.txt", "ha-tinh.txt", "nghe-an.md"]
        assert all(p["error"] is None for p in view["plans"]) and "heatmap.png" in view["files"]
        four = {f"{i}.txt": HA_TINH.read_bytes() for i in range(4)}
        assert "more than 3 plans" in _upload(client, ("bon.zip", _zip(four)))["error"]
        bomb = {"a.txt": b" " * 3_000_000}
        assert "unpacks to more than" in _upload(client, ("bom.zip", _zip(bomb)))["error"]
        climbing = {"../../ngoai.txt": HA_TINH.read_bytes()}
        assert "leaves the archive" in _upload(client, ("leo.zip", _zip(climbing)))["error"]
        nested = {"trong.zip": _zip({"a.txt": HA_TINH.read_bytes()})}
        assert "zip inside the zip" in _upload(client, ("long.zip", _zip(nested)))["error"]
        assert "not a readable zip" in _upload(client, ("hong.zip", b"PK\x03\x04 broken"))["error"]
        assert len(leftovers(temp_root)) == 1
    assert leftovers(temp_root) == []


def test_a_bad_reference_fails_the_job_in_one_line_and_old_jobs_are_dropped(temp_root: Path) -> None:
    with _client(temp_root, kept_jobs=1) as client:
        job = _upload_against(
            client, ("ha-tinh.txt", HA_TINH.read_bytes()), ("qd.pdf", TRUNCATED.read_bytes()), "document"
        )
        first = wait_for(client, job["id"])
        assert first["status"] == "failed" and first["plans"] == []
        assert first["error"].startswith("Không đọc được tệp: qd.pdf: not a readable PDF")
        second = wait_for(client, _upload(client, ("ha-tinh.txt", HA_TINH.read_bytes()))["id"])
        wait_for(client, _upload(client, ("ha-tinh.txt", HA_TINH.read_bytes()))["id"])  # the first is dropped
        gone = client.get(f"/api/jobs/{first['id']}")
        assert gone.status_code == 404 and gone.json()["error"].startswith(
            f"không còn lượt đối chiếu {first['id']}"
        )
        assert client.get(f"/api/jobs/{second['id']}").json() == second
    assert leftovers(temp_root) == []


def test_the_listed_coverage_files_are_the_ones_written(temp_root: Path) -> None:
    from plancompare.web.results import coverage_file_names

    with _client(temp_root) as client:
        view = wait_for(
            client, _upload(client, ("a.txt", HA_TINH.read_bytes()), ("b.md", NGHE_AN.read_bytes()))["id"]
        )
        assert view["files"] == coverage_file_names()
        got = {name: client.get(f"/api/jobs/{view['id']}/files/{name}") for name in view["files"]}
        assert all(r.status_code == 200 and r.content for r in got.values())
        matrix = got["matrix.csv"].text.splitlines()
        assert [line.split(",")[0] for line in matrix[1:]] == ["a.txt", "b.md"]
        assert matrix[0].split(",")[-len(view["item_ids"]) :] == view["item_ids"]
        assert len(leftovers(temp_root)) == 1  # the scratch folder went too

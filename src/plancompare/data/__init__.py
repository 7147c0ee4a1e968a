"""Package data: the unit glossary and the QĐ 1560 reference outline."""

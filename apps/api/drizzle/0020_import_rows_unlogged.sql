-- Staged import rows live from a roster's check to its commit (minutes) and are written by the
-- million: no WAL for them. A crash empties the table; a checked job's commit then finds fewer staged
-- rows than it counted and fails, asking for the file again (imports.commit.ts).
ALTER TABLE "import_rows" SET UNLOGGED;

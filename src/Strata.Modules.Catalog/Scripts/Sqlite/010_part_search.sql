-- Part search on SQLite (docs/modules/catalog.md#search): two FTS5 external-content tables over catalog_parts, kept in
-- step by triggers. FTS5 has no place in an EF model, so they live here, in a repeatable script: applied when it
-- changes and after every migrate or rollback of the module, which is why it drops everything first and rebuilds at
-- the end (idempotent). `strata db verify` skips virtual tables and their shadow tables (catalog_parts_search_data, …).
--
-- catalog_parts_search: words of the number, name and description, case and accents folded (remove_diacritics 2);
-- queried with quoted prefix terms ("brake"* "pa"*), never with the user's text as FTS syntax.
-- catalog_parts_number_search: trigrams of the normalized part number, for fragments of 3 characters or more
-- (04465, 0446533; 04465-33 is normalized to 0446533 before it is looked up).

DROP TRIGGER IF EXISTS catalog_parts_search_insert;
DROP TRIGGER IF EXISTS catalog_parts_search_update;
DROP TRIGGER IF EXISTS catalog_parts_search_delete;
DROP TABLE IF EXISTS catalog_parts_search;
DROP TABLE IF EXISTS catalog_parts_number_search;

CREATE VIRTUAL TABLE catalog_parts_search USING fts5(
    part_number, name, description,
    content = 'catalog_parts', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');

CREATE VIRTUAL TABLE catalog_parts_number_search USING fts5(
    normalized_part_number,
    content = 'catalog_parts', content_rowid = 'id',
    tokenize = 'trigram');

CREATE TRIGGER catalog_parts_search_insert AFTER INSERT ON catalog_parts BEGIN
    INSERT INTO catalog_parts_search (rowid, part_number, name, description) VALUES (new.id, new.part_number, new.name, new.description);
    INSERT INTO catalog_parts_number_search (rowid, normalized_part_number) VALUES (new.id, new.normalized_part_number);
END;

-- An external-content table is told the old values to remove ('delete'), then given the new ones.
CREATE TRIGGER catalog_parts_search_update AFTER UPDATE OF part_number, normalized_part_number, name, description ON catalog_parts BEGIN
    INSERT INTO catalog_parts_search (catalog_parts_search, rowid, part_number, name, description) VALUES ('delete', old.id, old.part_number, old.name, old.description);
    INSERT INTO catalog_parts_search (rowid, part_number, name, description) VALUES (new.id, new.part_number, new.name, new.description);
    INSERT INTO catalog_parts_number_search (catalog_parts_number_search, rowid, normalized_part_number) VALUES ('delete', old.id, old.normalized_part_number);
    INSERT INTO catalog_parts_number_search (rowid, normalized_part_number) VALUES (new.id, new.normalized_part_number);
END;

CREATE TRIGGER catalog_parts_search_delete AFTER DELETE ON catalog_parts BEGIN
    INSERT INTO catalog_parts_search (catalog_parts_search, rowid, part_number, name, description) VALUES ('delete', old.id, old.part_number, old.name, old.description);
    INSERT INTO catalog_parts_number_search (catalog_parts_number_search, rowid, normalized_part_number) VALUES ('delete', old.id, old.normalized_part_number);
END;

INSERT INTO catalog_parts_search (catalog_parts_search) VALUES ('rebuild');
INSERT INTO catalog_parts_number_search (catalog_parts_number_search) VALUES ('rebuild');

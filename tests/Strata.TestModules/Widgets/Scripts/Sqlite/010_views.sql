-- Repeatable: re-applied after every migrate.
DROP VIEW IF EXISTS widgets_live_widgets;
CREATE VIEW widgets_live_widgets AS SELECT id, public_id, name FROM widgets_widgets WHERE deleted_at IS NULL;

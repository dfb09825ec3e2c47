-- Repeatable: re-applied after every migrate. The dollar-quoted body is applied as written (Npgsql parses it).
CREATE OR REPLACE FUNCTION widgets.live_widget_count() RETURNS bigint
LANGUAGE plpgsql STABLE
AS $body$
DECLARE
    result bigint;
BEGIN
    SELECT count(*) INTO result FROM widgets.widgets WHERE deleted_at IS NULL;
    RETURN result;
END;
$body$;

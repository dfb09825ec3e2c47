-- Auth's published SQL contract: the functions other modules' database functions may call instead of reading auth's
-- tables, which stay auth's own (a module reaches another only through its public interfaces). Each one answers one
-- fact, pins an empty search_path and names objects by schema. They run as the caller (SECURITY INVOKER), so they
-- grant nothing the caller could not already read. PostgreSQL grants EXECUTE to PUBLIC on every new function: each
-- one's privileges are reset at the end of this script, to the application role only (see docs/tenancy.md).

-- True when no live account has this public id: auth has deleted it (soft-deleted, or purged since). False while the
-- account is live. workspaces.remove_user asks it so that no caller strips a live user's memberships.
CREATE OR REPLACE FUNCTION auth.account_is_deleted(p_user uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = ''
AS $$ SELECT NOT EXISTS (SELECT 1 FROM auth.users u WHERE u.public_id = p_user AND u.deleted_at IS NULL) $$;

REVOKE EXECUTE ON FUNCTION auth.account_is_deleted(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth.account_is_deleted(uuid) TO strata_app;

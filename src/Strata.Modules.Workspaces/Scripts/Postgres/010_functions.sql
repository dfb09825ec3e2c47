-- Helpers for the row-level security policies (020_rls_policies.sql) and the operations that cross a tenant
-- boundary. Every function pins an empty search_path and names objects by schema.

-- The scope's user: NULL when unset, and also when set to '' — a pooled connection reports '' after its first
-- transaction-local set_config, and casting '' to uuid would fail the statement.
CREATE OR REPLACE FUNCTION workspaces.current_user_id() RETURNS uuid
LANGUAGE sql STABLE SET search_path = ''
AS $$ SELECT NULLIF(pg_catalog.current_setting('strata.user_id', true), '')::uuid $$;

CREATE OR REPLACE FUNCTION workspaces.role_rank(role text) RETURNS integer
LANGUAGE sql IMMUTABLE SET search_path = ''
AS $$ SELECT CASE role WHEN 'owner' THEN 4 WHEN 'admin' THEN 3 WHEN 'member' THEN 2 WHEN 'viewer' THEN 1 ELSE 0 END $$;

-- The workspaces the scope's user holds at least this rank in. SECURITY DEFINER: it reads members past their own
-- policy (which calls it). Policies call it as (SELECT …) in an IN list, so it runs once per statement, not per row.
CREATE OR REPLACE FUNCTION workspaces.my_workspace_ids(minimum_rank integer) RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ''
AS $$
    SELECT m.workspace_id FROM workspaces.members m
    WHERE m.user_id = workspaces.current_user_id() AND workspaces.role_rank(m.role) >= minimum_rank
$$;

-- True while a workspace has no member at all: between its creation and its first owner, in one unit of work.
CREATE OR REPLACE FUNCTION workspaces.has_no_members(workspace bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ''
AS $$ SELECT NOT EXISTS (SELECT 1 FROM workspaces.members m WHERE m.workspace_id = workspace) $$;

-- Accepting an invitation: the caller is not a member yet, so no policy lets them read the invitation or add
-- themselves. The function checks everything and answers an outcome the service maps to an error or a membership.
CREATE OR REPLACE FUNCTION workspaces.accept_invitation(
    p_token_hash text, p_user uuid, p_normalized_email text, p_now timestamptz, p_member_public_id uuid)
RETURNS TABLE (outcome text, workspace_public_id uuid, role text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = ''
AS $body$
DECLARE
    invitation workspaces.invitations%ROWTYPE;
    workspace workspaces.workspaces%ROWTYPE;
BEGIN
    SELECT * INTO invitation FROM workspaces.invitations i WHERE i.token_hash = p_token_hash FOR UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'unknown'::text, NULL::uuid, NULL::text;
        RETURN;
    END IF;

    SELECT * INTO workspace FROM workspaces.workspaces w WHERE w.id = invitation.workspace_id;
    IF invitation.status = 'pending' AND invitation.expires_at <= p_now THEN
        UPDATE workspaces.invitations SET status = 'expired', updated_at = p_now WHERE id = invitation.id;
        invitation.status := 'expired';
    END IF;

    IF invitation.status <> 'pending' OR workspace.deleted_at IS NOT NULL THEN
        RETURN QUERY SELECT (CASE WHEN workspace.deleted_at IS NOT NULL THEN 'revoked'
                                  WHEN invitation.status = 'accepted' THEN 'used'
                                  ELSE invitation.status END)::text, NULL::uuid, NULL::text;
        RETURN;
    END IF;

    IF invitation.normalized_email <> p_normalized_email THEN
        RETURN QUERY SELECT 'email_mismatch'::text, NULL::uuid, NULL::text;
        RETURN;
    END IF;

    IF EXISTS (SELECT 1 FROM workspaces.members m WHERE m.workspace_id = invitation.workspace_id AND m.user_id = p_user) THEN
        RETURN QUERY SELECT 'already_member'::text, workspace.public_id, NULL::text;
        RETURN;
    END IF;

    INSERT INTO workspaces.members (public_id, workspace_id, user_id, role, joined_at, created_at, updated_at)
    VALUES (p_member_public_id, invitation.workspace_id, p_user, invitation.role, p_now, p_now, p_now);
    UPDATE workspaces.invitations
    SET status = 'accepted', accepted_by = p_user, accepted_at = p_now, updated_at = p_now
    WHERE id = invitation.id;
    RETURN QUERY SELECT 'joined'::text, workspace.public_id, invitation.role::text;
END
$body$;

-- A deleted user's memberships go, in the deleting unit. A workspace left without an owner keeps its data and is
-- flagged. Returns how many memberships were removed.
CREATE OR REPLACE FUNCTION workspaces.remove_user(p_user uuid, p_now timestamptz) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = ''
AS $body$
DECLARE
    affected bigint[];
BEGIN
    WITH gone AS (DELETE FROM workspaces.members m WHERE m.user_id = p_user RETURNING m.workspace_id)
    SELECT coalesce(array_agg(gone.workspace_id), '{}') INTO affected FROM gone;

    -- A statement of its own: it must see the deletion above.
    UPDATE workspaces.workspaces w SET ownerless_since = p_now, updated_at = p_now
    WHERE w.id = ANY (affected) AND w.ownerless_since IS NULL
      AND NOT EXISTS (SELECT 1 FROM workspaces.members m WHERE m.workspace_id = w.id AND m.role = 'owner');
    RETURN coalesce(array_length(affected, 1), 0);
END
$body$;

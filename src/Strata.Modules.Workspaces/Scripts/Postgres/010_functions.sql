-- Helpers for the row-level security policies (020_rls_policies.sql) and the operations that cross a tenant
-- boundary. Every function pins an empty search_path and names objects by schema.
--
-- The SECURITY DEFINER functions run as the owner, past every policy, so each is tied to the one flow it exists for
-- by a check inside it (stated above each), and only the application role may execute them: PostgreSQL grants
-- EXECUTE to PUBLIC on every new function, so each one's privileges are reset at the end of this script. Like the
-- policies, the grants name strata_app (see docs/tenancy.md).

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
-- Check: it answers only for the scope's user (strata.user_id); no context, no rows.
CREATE OR REPLACE FUNCTION workspaces.my_workspace_ids(minimum_rank integer) RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ''
AS $$
    SELECT m.workspace_id FROM workspaces.members m
    WHERE m.user_id = workspaces.current_user_id() AND workspaces.role_rank(m.role) >= minimum_rank
$$;

-- True when the scope's user created this workspace and it has a member. The policies let a creator see their
-- workspace, and add themselves as its first owner, only while it is false: between its creation and its first owner,
-- in one unit of work (INSERT … RETURNING checks the new row before it is in the table, so the function must not
-- need to find it). SECURITY DEFINER: it counts members past their policy. Check: it answers only about workspaces
-- the scope's user created — false for any other id, existing or not, with members or not — so it tells a stranger
-- nothing.
CREATE OR REPLACE FUNCTION workspaces.created_by_me_with_members(workspace bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ''
AS $$
    SELECT EXISTS (
        SELECT 1 FROM workspaces.workspaces w
        WHERE w.id = workspace AND w.created_by = workspaces.current_user_id()
          AND EXISTS (SELECT 1 FROM workspaces.members m WHERE m.workspace_id = w.id))
$$;

-- Accepting an invitation (POST /invitations/accept): the caller is not a member yet, so no policy lets them read the
-- invitation or add themselves. The function checks everything and answers an outcome the service maps to an error
-- or a membership. Check: it acts only for the scope's user (strata.user_id, set by the session from the signed-in
-- caller; there is no user argument to forge, and no context is refused), and joins only with the token of a pending
-- invitation addressed to p_email; anything else changes nothing but an expiry. The token is the secret that ties the
-- call to the invitee. p_email is the caller's normalized email, which the service learns from auth's public
-- IUserDirectory, refusing an unverified one first: auth's tables are auth's own, so the function reads none of them.
-- Earlier signatures took the user and the email as arguments, then the token alone.
-- Twin: on SQLite the same checks, in the same order, with the same outcomes are C#, beside this function's call:
-- InvitationRepository.AcceptOnSqliteAsync. The outcome text is the name of an InvitationAcceptanceOutcome member in
-- snake_case (Services/InvitationContracts.cs); a change here is a change there.
DROP FUNCTION IF EXISTS workspaces.accept_invitation(text, uuid, text, timestamptz, uuid);
DROP FUNCTION IF EXISTS workspaces.accept_invitation(text, timestamptz, uuid);
CREATE OR REPLACE FUNCTION workspaces.accept_invitation(
    p_token_hash text, p_email text, p_now timestamptz, p_member_public_id uuid)
RETURNS TABLE (outcome text, workspace_public_id uuid, role text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = ''
AS $body$
DECLARE
    caller uuid := workspaces.current_user_id();
    invitation workspaces.invitations%ROWTYPE;
    workspace workspaces.workspaces%ROWTYPE;
BEGIN
    IF caller IS NULL THEN
        RAISE EXCEPTION 'workspaces.accept_invitation needs a signed-in user' USING ERRCODE = 'insufficient_privilege';
    END IF;

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

    IF invitation.normalized_email IS DISTINCT FROM p_email THEN
        RETURN QUERY SELECT 'email_mismatch'::text, NULL::uuid, NULL::text;
        RETURN;
    END IF;

    IF EXISTS (SELECT 1 FROM workspaces.members m WHERE m.workspace_id = invitation.workspace_id AND m.user_id = caller) THEN
        RETURN QUERY SELECT 'already_member'::text, workspace.public_id, NULL::text;
        RETURN;
    END IF;

    INSERT INTO workspaces.members (public_id, workspace_id, user_id, role, joined_at, created_at, updated_at)
    VALUES (p_member_public_id, invitation.workspace_id, caller, invitation.role, p_now, p_now, p_now);
    UPDATE workspaces.invitations
    SET status = 'accepted', accepted_by = caller, accepted_at = p_now, updated_at = p_now
    WHERE id = invitation.id;
    RETURN QUERY SELECT 'joined'::text, workspace.public_id, invitation.role::text;
END
$body$;

-- A deleted user's memberships go, in the deleting unit: the UserDeleted handler (MembershipCleanup) of auth's
-- DELETE /admin/users/{id}. A workspace left without an owner keeps its data and is flagged. Returns how many
-- memberships were removed. Check: no live account has this id — auth soft-deletes the account earlier in the same
-- transaction — so no caller strips a live user's memberships, whatever context or arguments it passes. It asks auth
-- through auth.account_is_deleted, auth's published contract (auth's Scripts/Postgres/010_functions.sql), not its
-- tables; workspaces depends on auth, so auth's scripts have run first.
CREATE OR REPLACE FUNCTION workspaces.remove_user(p_user uuid, p_now timestamptz) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = ''
AS $body$
DECLARE
    affected bigint[];
BEGIN
    IF NOT auth.account_is_deleted(p_user) THEN
        RAISE EXCEPTION 'workspaces.remove_user acts only on a deleted account' USING ERRCODE = 'insufficient_privilege';
    END IF;

    WITH gone AS (DELETE FROM workspaces.members m WHERE m.user_id = p_user RETURNING m.workspace_id)
    SELECT coalesce(array_agg(gone.workspace_id), '{}') INTO affected FROM gone;

    -- A statement of its own: it must see the deletion above.
    UPDATE workspaces.workspaces w SET ownerless_since = p_now, updated_at = p_now
    WHERE w.id = ANY (affected) AND w.ownerless_since IS NULL
      AND NOT EXISTS (SELECT 1 FROM workspaces.members m WHERE m.workspace_id = w.id AND m.role = 'owner');
    RETURN coalesce(array_length(affected, 1), 0);
END
$body$;

-- Every definer function: nobody but the application role (the policies call the first two as strata_app; the
-- services call the last two).
REVOKE EXECUTE ON FUNCTION workspaces.my_workspace_ids(integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION workspaces.created_by_me_with_members(bigint) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION workspaces.accept_invitation(text, text, timestamptz, uuid) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION workspaces.remove_user(uuid, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
    workspaces.my_workspace_ids(integer),
    workspaces.created_by_me_with_members(bigint),
    workspaces.accept_invitation(text, text, timestamptz, uuid),
    workspaces.remove_user(uuid, timestamptz)
TO strata_app;

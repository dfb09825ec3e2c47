-- Row-level security for the application role (strata_app). The owner role is never used by the application and is
-- not subject to these policies (no FORCE): migrations, seeders and the SECURITY DEFINER functions run as the owner.
-- Every column a policy reads is indexed: members (user_id), (workspace_id, user_id); workspaces (created_by).

ALTER TABLE workspaces.workspaces ENABLE ROW LEVEL SECURITY;
ALTER TABLE workspaces.members ENABLE ROW LEVEL SECURITY;
ALTER TABLE workspaces.invitations ENABLE ROW LEVEL SECURITY;

-- Workspaces: members read; admins update; owners delete; anyone signed in creates one as themselves. The creator
-- also sees a workspace with no member yet (INSERT … RETURNING must see the new row before its owner is added).
DROP POLICY IF EXISTS workspaces_select ON workspaces.workspaces;
CREATE POLICY workspaces_select ON workspaces.workspaces FOR SELECT TO strata_app
    USING (id IN (SELECT workspaces.my_workspace_ids(1))
        OR (created_by = (SELECT workspaces.current_user_id()) AND NOT workspaces.created_by_me_with_members(id)));

DROP POLICY IF EXISTS workspaces_insert ON workspaces.workspaces;
CREATE POLICY workspaces_insert ON workspaces.workspaces FOR INSERT TO strata_app
    WITH CHECK (created_by = (SELECT workspaces.current_user_id()));

DROP POLICY IF EXISTS workspaces_update ON workspaces.workspaces;
CREATE POLICY workspaces_update ON workspaces.workspaces FOR UPDATE TO strata_app
    USING (id IN (SELECT workspaces.my_workspace_ids(3)))
    WITH CHECK (id IN (SELECT workspaces.my_workspace_ids(3)));

DROP POLICY IF EXISTS workspaces_delete ON workspaces.workspaces;
CREATE POLICY workspaces_delete ON workspaces.workspaces FOR DELETE TO strata_app
    USING (id IN (SELECT workspaces.my_workspace_ids(4)));

-- Members: members read the member list, and everyone reads their own memberships (INSERT … RETURNING of a first
-- owner must see the new row before the helper above can count it); admins add, change and remove; anyone may remove themselves (leave); the
-- creator adds themselves as the first owner of a workspace that has no member yet.
DROP POLICY IF EXISTS members_select ON workspaces.members;
CREATE POLICY members_select ON workspaces.members FOR SELECT TO strata_app
    USING (workspace_id IN (SELECT workspaces.my_workspace_ids(1)) OR user_id = (SELECT workspaces.current_user_id()));

DROP POLICY IF EXISTS members_insert ON workspaces.members;
CREATE POLICY members_insert ON workspaces.members FOR INSERT TO strata_app
    WITH CHECK (workspace_id IN (SELECT workspaces.my_workspace_ids(3))
        OR (user_id = (SELECT workspaces.current_user_id()) AND role = 'owner' AND NOT workspaces.created_by_me_with_members(workspace_id)
            AND EXISTS (SELECT 1 FROM workspaces.workspaces w WHERE w.id = workspace_id)));

DROP POLICY IF EXISTS members_update ON workspaces.members;
CREATE POLICY members_update ON workspaces.members FOR UPDATE TO strata_app
    USING (workspace_id IN (SELECT workspaces.my_workspace_ids(3)))
    WITH CHECK (workspace_id IN (SELECT workspaces.my_workspace_ids(3)));

DROP POLICY IF EXISTS members_delete ON workspaces.members;
CREATE POLICY members_delete ON workspaces.members FOR DELETE TO strata_app
    USING (workspace_id IN (SELECT workspaces.my_workspace_ids(3)) OR user_id = (SELECT workspaces.current_user_id()));

-- Invitations: admins manage them. Accepting goes through workspaces.accept_invitation.
DROP POLICY IF EXISTS invitations_all ON workspaces.invitations;
CREATE POLICY invitations_all ON workspaces.invitations FOR ALL TO strata_app
    USING (workspace_id IN (SELECT workspaces.my_workspace_ids(3)))
    WITH CHECK (workspace_id IN (SELECT workspaces.my_workspace_ids(3)));

-- The policies called it before created_by_me_with_members, which answers only about the caller's own workspaces.
DROP FUNCTION IF EXISTS workspaces.has_no_members(bigint);

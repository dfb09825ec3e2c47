// A client scenario that calls every operation of the Strata HTTP API through openapi-fetch, written against what the
// API really answers (the C# routes, request records, DTOs and StrataProblemDetails), not against the document. It is
// only compiled (tsc --strict, see check.sh), never run. Rules: no `any`, no casts (`as`, `<T>x`, `!`), no
// ts-ignore/ts-expect-error directives — purity.mjs enforces it — so every error tsc reports is a gap in the document.
import createClient from "openapi-fetch";
import type { components, paths } from "../generated/strata";

const baseUrl = "http://localhost:5080";

type CategoryNode = components["schemas"]["CategoryNode"];

// The enumerations as the API sends them.
type WorkspaceRole = "owner" | "admin" | "member" | "viewer";
type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";
type AlternativeKind = "oem" | "aftermarket" | "interchange";
type AuditOutcome = "success" | "failure";

/** Every problem body carries a stable code and the trace id (StrataProblemDetails). */
function problem(where: string, code: string, traceId: string, detail?: string | null): void {
  console.error(`${where}: ${code} (trace ${traceId})${detail ? `: ${detail}` : ""}`);
}

/** Validation problems name each field: errors: { field: [messages] }. */
function fieldErrors(where: string, field: string, messages: string[] | undefined): void {
  for (const message of messages ?? []) {
    console.error(`${where}: ${field}: ${message}`);
  }
}

/** A 409 names the conflicting field when one conflicts. */
function conflict(where: string, field: string | undefined): void {
  if (field !== undefined) {
    console.error(`${where}: ${field} is taken`);
  }
}

function show(...values: unknown[]): void {
  console.log(...values);
}

function authed(token: string) {
  return createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
}

// ---------------------------------------------------------------------------------------------------------------------
// Operations (public)

export async function health(): Promise<boolean> {
  const api = createClient<paths>({ baseUrl });
  const live = await api.GET("/health/live");
  if (live.data) {
    const status: string = live.data.status;
    show(status);
  }

  const ready = await api.GET("/health/ready");
  if (ready.error) {
    // 503 health.not_ready, detail says whether the database or a migration is the reason.
    problem("ready", ready.error.code, ready.error.traceId, ready.error.detail);
    return false;
  }

  const status: string = ready.data.status;
  return status === "ready";
}

// ---------------------------------------------------------------------------------------------------------------------
// Auth

export async function signUpAndIn(email: string, password: string): Promise<string | undefined> {
  const api = createClient<paths>({ baseUrl });
  const signUp = await api.POST("/auth/sign-up", { body: { email, password, name: "Ada Lovelace" } });
  if (signUp.error) {
    problem("sign-up", signUp.error.code, signUp.error.traceId);
    if (signUp.error.errors) {
      fieldErrors("sign-up", "email", signUp.error.errors?.["email"]);
      fieldErrors("sign-up", "password", signUp.error.errors?.["password"]);
    }
    if (signUp.error.field !== undefined) {
      // 409 auth.email_taken names "email".
      const field: string | undefined = signUp.error.field;
      conflict("sign-up", field);
    }
  } else {
    const userId: string = signUp.data.user.id;
    const verified: boolean = signUp.data.user.emailVerified;
    const image: string | null = signUp.data.user.image;
    const token: string = signUp.data.session.token;
    const expiresAt: string = signUp.data.session.expiresAt;
    show(userId, verified, image, token, expiresAt);
  }

  const signIn = await api.POST("/auth/sign-in", { body: { email, password } });
  if (signIn.error) {
    // 401 auth.invalid_credentials, 429 auth.rate_limited, 400 request.validation.
    problem("sign-in", signIn.error.code, signIn.error.traceId);
    if (signIn.error.errors) {
      fieldErrors("sign-in", "email", signIn.error.errors?.["email"]);
    }
    return undefined;
  }

  const createdAt: string = signIn.data.user.createdAt;
  show(signIn.data.user.name, createdAt, signIn.data.session.expiresAt);
  return signIn.data.session.token;
}

export async function passwordRecovery(email: string, code: string): Promise<void> {
  const api = createClient<paths>({ baseUrl });
  const forgot = await api.POST("/auth/password/forgot", { body: { email } });
  if (forgot.error) {
    problem("forgot", forgot.error.code, forgot.error.traceId);
  } else {
    show(forgot.response.status); // 202 whether or not the address has an account
  }

  const reset = await api.POST("/auth/password/reset", { body: { token: code, password: "a new long passphrase" } });
  if (reset.error) {
    // 410 auth.token_used / auth.token_expired, 400 auth.invalid_token or auth.weak_password.
    problem("reset", reset.error.code, reset.error.traceId);
    if (reset.error.errors) {
      fieldErrors("reset", "password", reset.error.errors?.["password"]);
    }
  }
}

export async function passkeySignIn(): Promise<string | undefined> {
  const api = createClient<paths>({ baseUrl });
  const options = await api.POST("/auth/passkeys/sign-in/options");
  if (options.error) {
    problem("passkey options", options.error.code, options.error.traceId);
    return undefined;
  }

  // PublicKeyCredentialRequestOptionsJSON: a JSON object.
  const challenge: unknown = options.data.options["challenge"];
  const ceremonyExpires: string = options.data.expiresAt;
  show(challenge, ceremonyExpires);

  // What navigator.credentials.get() answered, as JSON (PublicKeyCredential.toJSON()).
  const credential = {
    id: "credential-id",
    rawId: "credential-id",
    type: "public-key",
    response: { clientDataJSON: "…", authenticatorData: "…", signature: "…", userHandle: "…" },
    clientExtensionResults: {},
  };
  const signIn = await api.POST("/auth/passkeys/sign-in", { body: { ceremonyId: options.data.ceremonyId, credential } });
  if (signIn.error) {
    // 401 auth.invalid_credentials, 410 auth.ceremony_used / auth.ceremony_expired, 400 auth.ceremony_invalid.
    problem("passkey sign-in", signIn.error.code, signIn.error.traceId);
    if (signIn.error.errors) {
      fieldErrors("passkey sign-in", "credential", signIn.error.errors?.["credential"]);
    }
    return undefined;
  }

  const token: string = signIn.data.session.token;
  show(signIn.data.user.email);
  return token;
}

export async function account(token: string, verificationCode: string): Promise<void> {
  const api = authed(token);

  const session = await api.GET("/auth/session");
  if (session.error) {
    problem("session", session.error.code, session.error.traceId);
    return;
  }
  const sessionId: string = session.data.session.id;
  const sessionExpires: string = session.data.session.expiresAt;
  show(session.data.user.email, sessionId, sessionExpires);

  const sessions = await api.GET("/auth/sessions");
  if (sessions.data) {
    for (const other of sessions.data) {
      const ip: string | null = other.ip;
      const userAgent: string | null = other.userAgent;
      const lastUsedAt: string = other.lastUsedAt;
      show(ip, userAgent, lastUsedAt);
      if (!other.current) {
        const revoke = await api.DELETE("/auth/sessions/{id}", { params: { path: { id: other.id } } });
        if (revoke.error) {
          problem("revoke session", revoke.error.code, revoke.error.traceId); // 404 auth.session_not_found
        }
      }
    }
  }

  const request = await api.POST("/auth/email-verification");
  if (request.error) {
    problem("email verification", request.error.code, request.error.traceId); // 409 auth.email_already_verified
  }

  const confirm = await api.POST("/auth/email-verification/confirm", { body: { token: verificationCode } });
  if (confirm.error) {
    problem("confirm email", confirm.error.code, confirm.error.traceId); // 410 auth.token_used / auth.token_expired
  } else {
    const verified: boolean = confirm.data.emailVerified;
    show(verified);
  }

  const change = await api.POST("/auth/password/change", {
    body: { currentPassword: "correct horse battery staple", newPassword: "a newer long passphrase" },
  });
  if (change.error) {
    problem("change password", change.error.code, change.error.traceId); // 400 auth.wrong_password / auth.weak_password
    if (change.error.errors) {
      fieldErrors("change password", "currentPassword", change.error.errors?.["currentPassword"]);
    }
  }

  const permissions = await api.GET("/auth/me/permissions");
  if (permissions.data) {
    const keys: string[] = permissions.data;
    show(keys.includes("catalog.write"));
  }

  const signOut = await api.POST("/auth/sign-out");
  if (signOut.error) {
    problem("sign-out", signOut.error.code, signOut.error.traceId);
  }
}

export async function passkeys(token: string): Promise<void> {
  const api = authed(token);

  const options = await api.POST("/auth/passkeys/register/options");
  if (options.error) {
    problem("register options", options.error.code, options.error.traceId);
    return;
  }
  // PublicKeyCredentialCreationOptionsJSON: a JSON object.
  const rp: unknown = options.data.options["rp"];
  show(rp);

  const credential = {
    id: "credential-id",
    rawId: "credential-id",
    type: "public-key",
    response: { clientDataJSON: "…", attestationObject: "…", transports: ["internal", "hybrid"] },
    clientExtensionResults: {},
  };
  // The name is optional (string? Name): omitted here.
  const registered = await api.POST("/auth/passkeys/register", { body: { ceremonyId: options.data.ceremonyId, credential } });
  if (registered.error) {
    // 400 auth.passkey_invalid (errors.credential), 410 auth.ceremony_used, 409 database.unique_violation (registered already).
    problem("register passkey", registered.error.code, registered.error.traceId);
    return;
  }
  const passkeyId: string = registered.data.id;
  const aaguid: string | null = registered.data.aaguid;
  const transports: string[] = registered.data.transports;
  show(aaguid, transports, registered.data.backupEligible, registered.data.backedUp);

  const list = await api.GET("/auth/passkeys");
  if (list.data) {
    for (const passkey of list.data) {
      const lastUsedAt: string | null = passkey.lastUsedAt;
      show(passkey.name, passkey.credentialId, lastUsedAt);
    }
  }

  const renamed = await api.PATCH("/auth/passkeys/{id}", { params: { path: { id: passkeyId } }, body: { name: "Laptop" } });
  if (renamed.error) {
    problem("rename passkey", renamed.error.code, renamed.error.traceId); // 404 passkey.not_found
    if (renamed.error.errors) {
      fieldErrors("rename passkey", "name", renamed.error.errors?.["name"]);
    }
  } else {
    show(renamed.data.name);
  }

  const removed = await api.DELETE("/auth/passkeys/{id}", { params: { path: { id: passkeyId } } });
  if (removed.error) {
    problem("delete passkey", removed.error.code, removed.error.traceId);
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Admin: RBAC and audit

export async function administration(token: string, userId: string): Promise<void> {
  const api = authed(token);

  const roles = await api.GET("/admin/roles");
  if (roles.error) {
    problem("roles", roles.error.code, roles.error.traceId); // 403 auth.forbidden
    return;
  }
  for (const role of roles.data) {
    const description: string | null = role.description;
    const parent: string | null = role.parentRoleId;
    const system: boolean = role.isSystem;
    show(role.name, description, parent, system, role.permissions);
  }

  // description and parentRoleId are optional (string?, Guid?): omitted.
  const created = await api.POST("/admin/roles", { body: { name: "auditor" } });
  if (created.error) {
    problem("create role", created.error.code, created.error.traceId);
    if (created.error.errors) {
      fieldErrors("create role", "name", created.error.errors?.["name"]);
    }
    if (created.error.field !== undefined) {
      const field: string | undefined = created.error.field; // 409 auth.role_name_taken names "name"
      conflict("create role", field);
    }
    return;
  }
  const roleId: string = created.data.id;

  const child = await api.POST("/admin/roles", { body: { name: "junior auditor", description: "Reads the audit log.", parentRoleId: roleId } });
  if (child.data) {
    // Every field of the update is optional: only the description changes here…
    const described = await api.PATCH("/admin/roles/{id}", { params: { path: { id: child.data.id } }, body: { description: "Reads the log." } });
    if (described.error) {
      problem("update role", described.error.code, described.error.traceId);
      if (described.error.field !== undefined) {
        const field: string | undefined = described.error.field; // 409 auth.role_cycle names "parentRoleId"
        conflict("update role", field);
      }
    }
    // …and here the parent is removed.
    await api.PATCH("/admin/roles/{id}", { params: { path: { id: child.data.id } }, body: { clearParent: true } });
  }

  const role = await api.GET("/admin/roles/{id}", { params: { path: { id: roleId } } });
  if (role.error) {
    problem("role", role.error.code, role.error.traceId); // 404 auth.role_not_found
  } else {
    show(role.data.permissions);
  }

  const setPermissions = await api.PUT("/admin/roles/{id}/permissions", { params: { path: { id: roleId } }, body: { permissions: ["audit.read"] } });
  if (setPermissions.error) {
    problem("role permissions", setPermissions.error.code, setPermissions.error.traceId); // 400 auth.unknown_permission
  } else {
    const granted: string[] = setPermissions.data.permissions;
    show(granted);
  }

  const keys = await api.GET("/admin/permissions");
  if (keys.data) {
    const all: string[] = keys.data;
    show(all.length);
  }

  const grantRole = await api.POST("/admin/users/{id}/roles/{roleId}", { params: { path: { id: userId, roleId } } });
  if (grantRole.error) {
    problem("grant role", grantRole.error.code, grantRole.error.traceId); // 404 user.not_found / auth.role_not_found
  }
  const revokeRole = await api.DELETE("/admin/users/{id}/roles/{roleId}", { params: { path: { id: userId, roleId } } });
  if (revokeRole.error) {
    problem("revoke role", revokeRole.error.code, revokeRole.error.traceId);
  }

  const grant = await api.POST("/admin/users/{id}/permissions/{key}", { params: { path: { id: userId, key: "catalog.write" } } });
  if (grant.error) {
    problem("grant permission", grant.error.code, grant.error.traceId); // 404 auth.permission_not_found
  }
  const revoke = await api.DELETE("/admin/users/{id}/permissions/{key}", { params: { path: { id: userId, key: "catalog.write" } } });
  if (revoke.error) {
    problem("revoke permission", revoke.error.code, revoke.error.traceId);
  }

  const removed = await api.DELETE("/admin/roles/{id}", { params: { path: { id: roleId } } });
  if (removed.error) {
    problem("delete role", removed.error.code, removed.error.traceId); // 409 auth.system_role / auth.role_has_children
  }

  // Keyset paged, camelCase query; action and cursor omitted.
  const audit = await api.GET("/admin/audit-log", {
    params: { query: { limit: 50, actorId: userId, from: "2025-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z" } },
  });
  if (audit.error) {
    problem("audit log", audit.error.code, audit.error.traceId); // 400 paging.invalid_cursor / paging.invalid_size
    if (audit.error.errors) {
      fieldErrors("audit log", "cursor", audit.error.errors?.["cursor"]);
    }
    return;
  }
  for (const entry of audit.data.items) {
    const outcome: AuditOutcome = entry.outcome;
    const actor: string | null = entry.actorId;
    const target: string | null = entry.target;
    // The facts of the entry, names to text (e.g. the permission a refusal was about).
    const permission: string | undefined = entry.metadata["permission"];
    show(entry.occurredAt, entry.action, outcome, actor, target, permission ?? "");
  }
  const next: string | null = audit.data.nextCursor;
  if (next !== null) {
    await api.GET("/admin/audit-log", { params: { query: { cursor: next } } });
  }

  const deleted = await api.DELETE("/admin/users/{id}", { params: { path: { id: userId } } });
  if (deleted.error) {
    problem("delete user", deleted.error.code, deleted.error.traceId); // 403 auth.forbidden without users.manage
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Workspaces

export async function workspaces(ownerToken: string, inviteeToken: string, inviteeEmail: string): Promise<void> {
  const api = authed(ownerToken);

  // The slug is optional (string? Slug): made from the name.
  const created = await api.POST("/workspaces", { body: { name: "Acme Parts" } });
  if (created.error) {
    problem("create workspace", created.error.code, created.error.traceId);
    if (created.error.errors) {
      fieldErrors("create workspace", "name", created.error.errors?.["name"]);
    }
    if (created.error.field !== undefined) {
      const field: string | undefined = created.error.field; // 409 workspaces.slug_taken names "slug"
      conflict("create workspace", field);
    }
    return;
  }
  const workspaceId: string = created.data.id;
  const myRole: WorkspaceRole = created.data.role;
  const slug: string = created.data.slug;
  show(myRole, slug, created.data.needsOwner);

  const withSlug = await api.POST("/workspaces", { body: { name: "Acme Labs", slug: "acme-labs" } });
  if (withSlug.data) {
    show(withSlug.data.slug);
  }

  const list = await api.GET("/workspaces");
  if (list.data) {
    for (const workspace of list.data) {
      const role: WorkspaceRole = workspace.role;
      show(workspace.name, role, workspace.updatedAt);
    }
  }

  const one = await api.GET("/workspaces/{id}", { params: { path: { id: workspaceId } } });
  if (one.error) {
    problem("workspace", one.error.code, one.error.traceId); // 404 workspaces.not_found
  } else {
    // metadata is a JSON object of free-form settings.
    const plan: unknown = one.data.metadata["plan"];
    show(plan);
  }

  // Only the metadata changes (name and slug omitted); it is a JSON object with any values.
  const updated = await api.PATCH("/workspaces/{id}", {
    params: { path: { id: workspaceId } },
    body: { metadata: { plan: "pro", seats: 25, features: ["sso"], billing: { vat: true } } },
  });
  if (updated.error) {
    problem("update workspace", updated.error.code, updated.error.traceId); // 400 workspaces.invalid_metadata
    if (updated.error.errors) {
      fieldErrors("update workspace", "metadata", updated.error.errors?.["metadata"]);
    }
  } else {
    const seats: unknown = updated.data.metadata["seats"];
    show(seats);
  }
  await api.PATCH("/workspaces/{id}", { params: { path: { id: workspaceId } }, body: { name: "Acme Parts GmbH" } });

  const invited = await api.POST("/workspaces/{id}/invitations", {
    params: { path: { id: workspaceId } },
    body: { email: inviteeEmail, role: "member" },
  });
  if (invited.error) {
    problem("invite", invited.error.code, invited.error.traceId); // 403 workspaces.forbidden, 400 workspaces.invalid_role
    if (invited.error.errors) {
      fieldErrors("invite", "email", invited.error.errors?.["email"]);
    }
    return;
  }
  const invitationToken: string = invited.data.token;
  const status: InvitationStatus = invited.data.invitation.status;
  const invitedRole: WorkspaceRole = invited.data.invitation.role;
  show(status, invitedRole, invited.data.invitation.expiresAt, invited.data.invitation.invitedBy);

  const pending = await api.GET("/workspaces/{id}/invitations", { params: { path: { id: workspaceId } } });
  if (pending.data) {
    for (const invitation of pending.data) {
      const pendingStatus: InvitationStatus = invitation.status;
      show(invitation.email, pendingStatus);
    }
  }

  const accepted = await authed(inviteeToken).POST("/invitations/accept", { body: { token: invitationToken } });
  if (accepted.error) {
    // 410 workspaces.invitation_expired / _revoked / _used, 403 workspaces.email_unverified, 409 workspaces.already_member.
    problem("accept", accepted.error.code, accepted.error.traceId);
  } else {
    const joined: string = accepted.data.workspaceId;
    const role: WorkspaceRole = accepted.data.role;
    show(joined, role);
  }

  const members = await api.GET("/workspaces/{id}/members", { params: { path: { id: workspaceId } } });
  if (members.error) {
    problem("members", members.error.code, members.error.traceId);
    return;
  }
  for (const member of members.data) {
    const email: string | null = member.email; // null when the account is gone
    const role: WorkspaceRole = member.role;
    show(member.userId, email, member.name, role, member.joinedAt);
  }
  const newcomer = members.data.find((member) => member.role === "member");
  if (newcomer) {
    const promoted = await api.PATCH("/workspaces/{id}/members/{userId}", {
      params: { path: { id: workspaceId, userId: newcomer.userId } },
      body: { role: "admin" },
    });
    if (promoted.error) {
      problem("change role", promoted.error.code, promoted.error.traceId);
      if (promoted.error.field !== undefined) {
        const field: string | undefined = promoted.error.field; // 409 workspaces.last_owner names "role"
        conflict("change role", field);
      }
    } else {
      const role: WorkspaceRole = promoted.data.role;
      show(role);
    }

    const removed = await api.DELETE("/workspaces/{id}/members/{userId}", { params: { path: { id: workspaceId, userId: newcomer.userId } } });
    if (removed.error) {
      problem("remove member", removed.error.code, removed.error.traceId);
    }
  }

  const again = await api.POST("/workspaces/{id}/invitations", { params: { path: { id: workspaceId } }, body: { email: inviteeEmail, role: "viewer" } });
  if (again.data) {
    const revoked = await api.DELETE("/workspaces/{id}/invitations/{invitationId}", {
      params: { path: { id: workspaceId, invitationId: again.data.invitation.id } },
    });
    if (revoked.error) {
      problem("revoke invitation", revoked.error.code, revoked.error.traceId); // 404 workspaces.invitation_not_found
    }
  }

  const deleted = await api.DELETE("/workspaces/{id}", { params: { path: { id: workspaceId } } });
  if (deleted.error) {
    problem("delete workspace", deleted.error.code, deleted.error.traceId); // 403 workspaces.forbidden (owners only)
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Catalog: vehicles

export async function vehicles(token: string): Promise<void> {
  const api = authed(token);

  // Country is optional (string? Country): omitted.
  const manufacturer = await api.POST("/catalog/manufacturers", { body: { name: "Volkswagen" } });
  if (manufacturer.error) {
    problem("create manufacturer", manufacturer.error.code, manufacturer.error.traceId);
    if (manufacturer.error.errors) {
      fieldErrors("create manufacturer", "name", manufacturer.error.errors?.["name"]);
    }
    if (manufacturer.error.field !== undefined) {
      const field: string | undefined = manufacturer.error.field; // 409 catalog.name_taken names "name"
      conflict("create manufacturer", field);
    }
    return;
  }
  const manufacturerId: string = manufacturer.data.id;
  const country: string | null = manufacturer.data.country;
  show(country);

  const renamed = await api.PATCH("/catalog/manufacturers/{id}", { params: { path: { id: manufacturerId } }, body: { name: "Volkswagen AG", country: "DE" } });
  if (renamed.error) {
    problem("update manufacturer", renamed.error.code, renamed.error.traceId);
    if (renamed.error.errors) {
      fieldErrors("update manufacturer", "country", renamed.error.errors?.["country"]); // catalog.invalid_country
    }
  }

  const manufacturers = await api.GET("/catalog/manufacturers", { params: { query: { limit: 20, search: "volks" } } });
  if (manufacturers.error) {
    problem("manufacturers", manufacturers.error.code, manufacturers.error.traceId);
    if (manufacturers.error.errors) {
      fieldErrors("manufacturers", "cursor", manufacturers.error.errors?.["cursor"]); // paging.invalid_cursor
    }
  } else {
    const first = manufacturers.data.items[0];
    const next: string | null = manufacturers.data.nextCursor;
    show(first?.name, first?.createdAt, next);
  }

  const model = await api.POST("/catalog/models", { body: { manufacturerId, name: "Golf" } });
  if (model.error) {
    problem("create model", model.error.code, model.error.traceId);
    return;
  }
  const modelId: string = model.data.id;
  await api.PATCH("/catalog/models/{id}", { params: { path: { id: modelId } }, body: { name: "Golf Mk8" } });

  const models = await api.GET("/catalog/manufacturers/{id}/models", { params: { path: { id: manufacturerId }, query: { limit: 10 } } });
  if (models.error) {
    problem("models", models.error.code, models.error.traceId); // 404 manufacturer.not_found
  } else {
    for (const item of models.data.items) {
      const owner: string = item.manufacturerId;
      show(item.name, owner);
    }
  }

  // Only the first model year: trim, engine, bodyStyle, categories and yearTo are optional.
  const variation = await api.POST("/catalog/variations", { body: { modelId, yearFrom: 2020 } });
  if (variation.error) {
    problem("create variation", variation.error.code, variation.error.traceId); // 400 catalog.model_required / catalog.invalid_years
    if (variation.error.errors) {
      fieldErrors("create variation", "yearFrom", variation.error.errors?.["yearFrom"]);
    }
    return;
  }
  const variationId: string = variation.data.id;
  const yearFrom: number = variation.data.yearFrom;
  const yearTo: number | null = variation.data.yearTo;
  show(yearFrom + 1, yearTo);

  // modelId only when creating: omitted on update.
  const changed = await api.PATCH("/catalog/variations/{id}", {
    params: { path: { id: variationId } },
    body: { yearFrom: 2020, yearTo: 2024, trim: "GTI", bodyStyle: "hatchback", categories: ["passenger car"] },
  });
  if (changed.data) {
    const categories: string[] = changed.data.categories;
    const trim: string | null = changed.data.trim;
    show(categories, trim, changed.data.engine);
  }

  const variations = await api.GET("/catalog/models/{id}/variations", { params: { path: { id: modelId }, query: { limit: 5 } } });
  if (variations.data) {
    const years: number[] = variations.data.items.map((item) => item.yearFrom);
    show(years);
  }

  // Model, variation and years are optional: the prefix names only the manufacturer.
  const prefix = await api.POST("/catalog/vin-prefixes", { body: { prefix: "WVW", manufacturerId } });
  if (prefix.error) {
    problem("vin prefix", prefix.error.code, prefix.error.traceId);
    if (prefix.error.field !== undefined) {
      const field: string | undefined = prefix.error.field; // 409 catalog.vin_prefix_exists names "prefix"
      conflict("vin prefix", field);
    }
  } else {
    const prefixYear: number | null = prefix.data.yearFrom;
    show(prefix.data.prefix, prefix.data.modelId, prefixYear);
  }
  const narrow = await api.POST("/catalog/vin-prefixes", {
    body: { prefix: "WVWZZZ1K", manufacturerId, modelId, variationId, yearFrom: 2020, yearTo: 2024 },
  });

  const decoded = await api.GET("/catalog/vin/{vin}", { params: { path: { vin: "WVWZZZ1KZAW000001" } } });
  if (decoded.error) {
    // 400 catalog.vin_invalid / catalog.vin_check_digit (errors.vin), 404 catalog.vin_unknown.
    problem("decode vin", decoded.error.code, decoded.error.traceId, decoded.error.detail);
    if (decoded.error.errors) {
      fieldErrors("decode vin", "vin", decoded.error.errors?.["vin"]);
    }
  } else {
    const modelYear: number | null = decoded.data.modelYear;
    const modelName: string | undefined = decoded.data.model?.name;
    const trim: string | null | undefined = decoded.data.variation?.trim;
    show(decoded.data.wmi, decoded.data.matchedPrefix, decoded.data.manufacturer.name, modelName, trim, modelYear);
  }

  if (narrow.data) {
    await api.DELETE("/catalog/vin-prefixes/{id}", { params: { path: { id: narrow.data.id } } });
  }
  const variationDeleted = await api.DELETE("/catalog/variations/{id}", { params: { path: { id: variationId } } });
  if (variationDeleted.error) {
    problem("delete variation", variationDeleted.error.code, variationDeleted.error.traceId);
  }
  const modelDeleted = await api.DELETE("/catalog/models/{id}", { params: { path: { id: modelId } } });
  if (modelDeleted.error) {
    problem("delete model", modelDeleted.error.code, modelDeleted.error.traceId); // 409 catalog.has_children
  }
  const manufacturerDeleted = await api.DELETE("/catalog/manufacturers/{id}", { params: { path: { id: manufacturerId } } });
  if (manufacturerDeleted.error) {
    problem("delete manufacturer", manufacturerDeleted.error.code, manufacturerDeleted.error.traceId);
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Catalog: categories, parts and images

function walk(nodes: CategoryNode[], depth: number): void {
  for (const node of nodes) {
    show(`${"  ".repeat(depth)}${node.name} (${node.id})`);
    walk(node.children, depth + 1);
  }
}

export async function parts(token: string, manufacturerId: string, variationId: string, png: Uint8Array<ArrayBuffer>): Promise<void> {
  const api = authed(token);

  const tree = await api.GET("/catalog/categories");
  if (tree.data) {
    walk(tree.data, 0);
  }

  // A root: parentId omitted.
  const brakes = await api.POST("/catalog/categories", { body: { name: "Brakes" } });
  if (brakes.error) {
    problem("create category", brakes.error.code, brakes.error.traceId);
    if (brakes.error.field !== undefined) {
      const field: string | undefined = brakes.error.field; // 409 catalog.name_taken names "name"
      conflict("create category", field);
    }
    return;
  }
  const discs = await api.POST("/catalog/categories", { body: { name: "Brake discs", parentId: brakes.data.id } });
  if (discs.error) {
    problem("create category", discs.error.code, discs.error.traceId);
    return;
  }
  const parentId: string | null = discs.data.parentId;
  show(parentId);
  const categoryId: string = discs.data.id;

  const renamedCategory = await api.PATCH("/catalog/categories/{id}", { params: { path: { id: categoryId } }, body: { name: "Discs" } });
  if (renamedCategory.error) {
    problem("rename category", renamedCategory.error.code, renamedCategory.error.traceId);
  }

  // description and partName are optional; attributes is a JSON object.
  const created = await api.POST("/catalog/parts", {
    body: { manufacturerId, partNumber: "1K0 615 301 AA", name: "Front brake disc", categoryId, attributes: { diameterMm: 312, vented: true } },
  });
  if (created.error) {
    problem("create part", created.error.code, created.error.traceId);
    if (created.error.errors) {
      fieldErrors("create part", "partNumber", created.error.errors?.["partNumber"]);
      fieldErrors("create part", "attributes", created.error.errors?.["attributes"]);
    }
    if (created.error.field !== undefined) {
      const field: string | undefined = created.error.field; // 409 catalog.part_number_taken names "partNumber"
      conflict("create part", field);
    }
    return;
  }
  const partId: string = created.data.id;
  const diameter: unknown = created.data.attributes["diameterMm"];
  const partName: string | null = created.data.partName;
  show(diameter, partName, created.data.categoryPath.map((step) => step.name));

  const other = await api.POST("/catalog/parts", { body: { manufacturerId, partNumber: "0986479B93", name: "Brake disc", categoryId } });

  const updated = await api.PATCH("/catalog/parts/{id}", {
    params: { path: { id: partId } },
    body: { manufacturerId, partNumber: "1K0615301AA", name: "Front brake disc, vented", categoryId, description: "312 × 25 mm", partName: "brake disc" },
  });
  if (updated.error) {
    problem("update part", updated.error.code, updated.error.traceId);
  } else {
    const description: string | null = updated.data.description;
    show(description);
  }

  if (other.data) {
    // The kind is optional: the API records "interchange".
    const alternative = await api.POST("/catalog/parts/{id}/alternatives", {
      params: { path: { id: partId } },
      body: { alternativePartId: other.data.id },
    });
    if (alternative.error) {
      problem("alternative", alternative.error.code, alternative.error.traceId); // 409 catalog.alternative_exists
    } else {
      for (const entry of alternative.data.alternatives) {
        const kind: AlternativeKind = entry.kind;
        show(entry.part.partNumber, entry.part.manufacturer.name, kind);
      }
    }
    await api.POST("/catalog/parts/{id}/alternatives", { params: { path: { id: other.data.id } }, body: { alternativePartId: partId, kind: "aftermarket" } });
  }

  const tagged = await api.PUT("/catalog/parts/{id}/tags", { params: { path: { id: partId } }, body: { tags: ["front", "vented"] } });
  if (tagged.error) {
    problem("tags", tagged.error.code, tagged.error.traceId);
    if (tagged.error.errors) {
      fieldErrors("tags", "tags", tagged.error.errors?.["tags"]); // catalog.invalid_tags
    }
  } else {
    const tags: string[] = tagged.data.tags;
    show(tags);
  }

  // The note is optional: omitted.
  const fitted = await api.POST("/catalog/parts/{id}/fitments", { params: { path: { id: partId } }, body: { variationId, categoryId } });
  if (fitted.error) {
    problem("fitment", fitted.error.code, fitted.error.traceId);
    if (fitted.error.field !== undefined) {
      const field: string | undefined = fitted.error.field; // 409 catalog.fitment_exists names "variationId"
      conflict("fitment", field);
    }
  } else {
    for (const fit of fitted.data.compatibleVariations) {
      const yearTo: number | null = fit.yearTo;
      const note: string | null = fit.note;
      show(fit.manufacturer, fit.model, fit.yearFrom, yearTo, fit.trim, fit.category, note);
    }
  }

  // The part list: filters combine (a category includes the categories below it); keyset paged by name.
  const listed = await api.GET("/catalog/parts", { params: { query: { limit: 50, tag: "winter", categoryId, search: "brake di" } } });
  if (listed.error) {
    problem("parts", listed.error.code, listed.error.traceId); // 400 paging.invalid_size, paging.invalid_cursor, catalog.invalid_search
  } else {
    for (const item of listed.data.items) {
      const firstImage: string | null = item.firstImageId;
      show(item.partNumber, item.name, item.manufacturer.name, item.categoryPath.map((c) => c.name).join(" › "), item.tags.join(", "), firstImage);
    }
    const more: string | null = listed.data.nextCursor;
    show(more);
  }

  const part = await api.GET("/catalog/parts/{id}", { params: { path: { id: partId } } });
  if (part.error) {
    problem("part", part.error.code, part.error.traceId); // 404 part.not_found
  } else {
    const vented: unknown = part.data.attributes["vented"];
    show(vented, part.data.updatedAt);
  }

  // Images: the raw bytes are the body (no JSON), the content type says what they are, ?fileName= names the file.
  const blob = new Blob([png], { type: "image/png" });
  const uploaded = await api.POST("/catalog/parts/{id}/images", {
    params: { path: { id: partId }, query: { fileName: "disc.png" } },
    body: blob,
    bodySerializer: (body) => body,
    headers: { "Content-Type": "image/png" },
  });
  if (uploaded.error) {
    // 415 catalog.unsupported_file_type, 413 catalog.file_too_large, 400 catalog.invalid_file_name.
    problem("upload", uploaded.error.code, uploaded.error.traceId);
    return;
  }
  const fileId: string = uploaded.data.id;
  const size: number = uploaded.data.sizeBytes;
  show(uploaded.data.contentType, uploaded.data.sha256, size, uploaded.data.originalName);

  // Bytes straight from a Uint8Array (fileName omitted: the API names it "image").
  const second = await api.POST("/catalog/parts/{id}/images", {
    params: { path: { id: partId } },
    body: png,
    bodySerializer: (body) => body,
    headers: { "Content-Type": "application/octet-stream" },
  });
  if (second.data) {
    show(second.data.originalName);
  }

  const images = await api.GET("/catalog/parts/{id}/images", { params: { path: { id: partId } } });
  if (images.data) {
    const total: number = images.data.reduce((sum, image) => sum + image.sizeBytes, 0);
    show(total);
  }

  const download = await api.GET("/catalog/parts/{id}/images/{fileId}", { params: { path: { id: partId, fileId } }, parseAs: "blob" });
  if (download.error) {
    problem("download", download.error.code, download.error.traceId); // 404 file.not_found / catalog.file_missing
  } else {
    const bytes: Blob = download.data;
    show(bytes.type, bytes.size, download.response.headers.get("Content-Disposition"));
  }

  const imageDeleted = await api.DELETE("/catalog/parts/{id}/images/{fileId}", { params: { path: { id: partId, fileId } } });
  if (imageDeleted.error) {
    problem("delete image", imageDeleted.error.code, imageDeleted.error.traceId);
  }

  const partDeleted = await api.DELETE("/catalog/parts/{id}", { params: { path: { id: partId } } });
  if (partDeleted.error) {
    problem("delete part", partDeleted.error.code, partDeleted.error.traceId);
  }
  const categoryDeleted = await api.DELETE("/catalog/categories/{id}", { params: { path: { id: categoryId } } });
  if (categoryDeleted.error) {
    problem("delete category", categoryDeleted.error.code, categoryDeleted.error.traceId); // 409 catalog.has_children
  }
}

type ImportOutcome = "completed" | "completed_with_rejections" | "refused";

export async function imports(token: string, csv: string): Promise<void> {
  const api = authed(token);

  // The file is the raw body: CSV as text/csv (or JSON lines as application/x-ndjson); ?mode=all-or-nothing refuses a
  // file with any bad row.
  const imported = await api.POST("/catalog/import", {
    params: { query: { sourceName: "parts.csv", mode: "partial" } },
    body: csv,
    bodySerializer: (body) => body,
    headers: { "Content-Type": "text/csv" },
  });
  if (imported.error) {
    // 400 catalog.invalid_import_file, 413 catalog.import_too_large, 415 catalog.unsupported_import_type.
    problem("import", imported.error.code, imported.error.traceId, imported.error.detail);
    return;
  }
  const outcome: ImportOutcome = imported.data.outcome;
  show(outcome, imported.data.rows, imported.data.inserted, imported.data.updated, imported.data.unchanged, imported.data.rejected, imported.data.durationMs);
  for (const rejection of imported.data.rejections) {
    const field: string | null = rejection.field;
    show(rejection.line, field, rejection.code, rejection.reason);
  }

  const runs = await api.GET("/catalog/import-runs", { params: { query: { limit: 10 } } });
  if (runs.data) {
    for (const run of runs.data.items) {
      const startedBy: string | null = run.startedBy;
      show(run.sourceName, run.format, run.allOrNothing, run.startedAt, startedBy);
    }
  }

  const run = await api.GET("/catalog/import-runs/{id}", { params: { path: { id: imported.data.id } } });
  if (run.error) {
    problem("import run", run.error.code, run.error.traceId); // 404 import_run.not_found
  }
}

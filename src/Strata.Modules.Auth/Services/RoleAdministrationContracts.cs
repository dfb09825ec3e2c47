using System.ComponentModel.DataAnnotations;
using Strata.Modules.Auth.Events;

namespace Strata.Modules.Auth.Services;

/// <summary>A role as administrators see it.</summary>
/// <param name="Id">Public id.</param>
/// <param name="Name">Unique name.</param>
/// <param name="Description">What it is for.</param>
/// <param name="ParentRoleId">The role it inherits from.</param>
/// <param name="IsSystem">Seeded by Strata; cannot be deleted.</param>
/// <param name="Permissions">Keys granted to this role itself (inherited ones not repeated).</param>
public sealed record RoleDto(Guid Id, string Name, string? Description, Guid? ParentRoleId, bool IsSystem, IReadOnlyList<string> Permissions);

/// <summary>A change to a role; null leaves a value as it is.</summary>
/// <param name="Name">New name.</param>
/// <param name="Description">New description.</param>
/// <param name="ParentRoleId">New parent (must not create a cycle).</param>
/// <param name="ClearParent">Remove the parent.</param>
public sealed record RoleChange(string? Name = null, string? Description = null, Guid? ParentRoleId = null, bool ClearParent = false);

/// <summary>One audit-log row.</summary>
/// <param name="Id">Public id.</param>
/// <param name="OccurredAt">When (UTC).</param>
/// <param name="ActorId">Who.</param>
/// <param name="Action">What (OWASP vocabulary).</param>
/// <param name="Target">To what.</param>
/// <param name="Outcome"><c>success</c> or <c>failure</c>.</param>
/// <param name="Ip">Client address.</param>
/// <param name="UserAgent">Client software.</param>
/// <param name="Metadata">Extra facts, names to text.</param>
public sealed record AuditEntryDto(
    Guid Id, DateTime OccurredAt, Guid? ActorId, string Action, string? Target,
    [property: AllowedValues(AuditOutcomes.Success, AuditOutcomes.Failure)] string Outcome,
    string? Ip, string? UserAgent, IReadOnlyDictionary<string, string> Metadata);

/// <summary>Filters of the audit log.</summary>
/// <param name="ActorId">Only this actor.</param>
/// <param name="Action">Only this action.</param>
/// <param name="From">From this time (inclusive).</param>
/// <param name="To">Before this time (exclusive).</param>
public sealed record AuditLogFilter(Guid? ActorId = null, string? Action = null, DateTime? From = null, DateTime? To = null);

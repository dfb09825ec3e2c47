namespace Strata.AspNetCore.Routing;

/// <summary>
/// Endpoint metadata naming the permission a route needs beyond a session, so the OpenAPI document can declare its 403
/// and say which permission it is.
/// </summary>
/// <param name="Permission">The permission key, e.g. <c>catalog.write</c>.</param>
public sealed record RequiredPermissionMetadata(string Permission);

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Strata.AspNetCore.Routing;
using Strata.Data.Errors;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Events;
using Strata.Modules.Auth.Services;

namespace Strata.Modules.Auth.Endpoints;

/// <summary>
/// Lets a request through only when the signed-in user holds a permission. A denial is audited <c>authz_fail</c> in a
/// unit of its own — committed although the request is refused — and answered 403 <c>auth.forbidden</c>.
/// </summary>
internal sealed class PermissionFilter(string permission) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var userId = http.User.UserId();
        var services = http.RequestServices;
        if (!await services.GetRequiredService<IPermissionService>().HasPermissionAsync(userId, permission, http.RequestAborted))
        {
            await services.GetRequiredService<DatabaseSession>().InTransactionAsync(token =>
                services.GetRequiredService<IAuditTrail>().RecordAsync(
                    AuditActions.AuthorizationFail, userId, $"{http.Request.Method} {http.Request.Path}", AuditOutcomes.Failure, http.Client(), token,
                    ("permission", permission)), cancellationToken: http.RequestAborted);
            throw new ForbiddenError("auth.forbidden", $"This needs the permission '{permission}'.");
        }

        return await next(context);
    }
}

/// <summary>Route conventions of the auth module for other modules' routes.</summary>
public static class AuthorizationConventions
{
    /// <summary>Requires a valid session holding <paramref name="permission"/> (401, 403 otherwise); denials are audited.</summary>
    public static RouteGroupBuilder RequirePermission(this RouteGroupBuilder builder, string permission)
    {
        builder.RequireSession().AddEndpointFilter(new PermissionFilter(permission)).WithMetadata(new RequiredPermissionMetadata(permission));
        return builder;
    }
}

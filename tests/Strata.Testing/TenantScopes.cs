using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Sessions;

namespace Strata.Testing;

/// <summary>Work done as one user: a new scope whose tenant is that user, as a request or a CLI run would have.</summary>
public static class TenantScopes
{
    /// <summary>Runs <paramref name="work"/> in a new scope acting for <paramref name="user"/> (null: no user, as the CLI).</summary>
    public static async Task<T> AsAsync<T>(this TestDatabase db, Guid? user, Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = db.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(user);
        return await work(scope.ServiceProvider);
    }
}

using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using Strata.Data.Configuration;
using Strata.Data.Diagnostics;
using Strata.Data.Modules;
using Strata.Data.Sessions;

namespace Strata.Data.Conventions;

/// <summary>
/// Pools module contexts per context type (EF Core's <see cref="PooledDbContextFactory{TContext}"/>): a scope rents
/// each context it uses and hands it the session's connection, instead of building one — the per-request set-up the
/// lookup benchmark measured. The session returns its contexts when the scope ends (see <see cref="StrataDbContext"/>).
/// </summary>
internal sealed class ModuleContextPool(
    IOptions<StrataDatabaseOptions> settings, EntityLifecycleInterceptor lifecycle, StoredTextInterceptor storedText, CommandDiagnostics diagnostics)
{
    private const int PoolSize = 256;
    private readonly ConcurrentDictionary<Type, Func<StrataDbContext>> _rent = new();

    public StrataDbContext Rent(IStrataModule module, DatabaseProvider provider) =>
        _rent.GetOrAdd(module.Contexts.For(provider), type => CreatePool(type, module, provider))();

    private Func<StrataDbContext> CreatePool(Type contextType, IStrataModule module, DatabaseProvider provider)
    {
        // The pool needs DbContextOptions<TContext>; the context type is only known at run time.
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        StrataContextOptions.Configure(builder, provider, module, settings.Value.CommandTimeoutSeconds, connectionString: null);
        StrataCommandsExtension.UseStrataCommands(builder, diagnostics);
        builder.AddInterceptors(lifecycle, storedText);
        var factory = Activator.CreateInstance(typeof(PooledDbContextFactory<>).MakeGenericType(contextType), builder.Options, PoolSize)!;
        var create = factory.GetType().GetMethod(nameof(PooledDbContextFactory<DbContext>.CreateDbContext), Type.EmptyTypes)!;
        return Expression.Lambda<Func<StrataDbContext>>(
            Expression.Convert(Expression.Call(Expression.Constant(factory), create), typeof(StrataDbContext))).Compile();
    }
}

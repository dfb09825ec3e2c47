using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Modules;
using Strata.TestModules.Gadgets;
using Strata.TestModules.Widgets;

namespace Strata.Data.Tests.Registry;

public sealed class ModuleRegistryTests
{
    [Fact]
    public void Modules_come_after_the_modules_they_depend_on()
    {
        var registry = new ModuleRegistry([Module("orders", "customers", "catalog"), Module("catalog", "auth"), Module("customers", "auth"), Module("auth")]);

        Assert.Equal(["auth", "customers", "catalog", "orders"], registry.Modules.Select(m => m.Name));
    }

    [Fact]
    public void Independent_modules_keep_their_registration_order()
    {
        var registry = new ModuleRegistry([Module("b"), Module("a"), Module("c")]);

        Assert.Equal(["b", "a", "c"], registry.Modules.Select(m => m.Name));
    }

    [Fact]
    public void A_module_registered_twice_is_refused_naming_it()
    {
        var error = Assert.Throws<ModuleRegistrationException>(() => new ModuleRegistry([Module("auth"), Module("auth")]));

        Assert.Contains("'auth'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_modules_sharing_a_schema_are_refused_naming_both()
    {
        var error = Assert.Throws<ModuleRegistrationException>(() => new ModuleRegistry([ModuleWithSchema("a", "shared"), ModuleWithSchema("b", "shared")]));

        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'b'", error.Message, StringComparison.Ordinal);
        Assert.Contains("schema 'shared'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_dependency_is_refused_naming_module_and_dependency()
    {
        var error = Assert.Throws<ModuleRegistrationException>(() => new ModuleRegistry([Module("vendor", "workspaces")]));

        Assert.Equal("Module 'vendor' depends on 'workspaces', which is not registered.", error.Message);
    }

    [Fact]
    public void A_dependency_cycle_is_refused_naming_the_cycle()
    {
        var error = Assert.Throws<ModuleRegistrationException>(() => new ModuleRegistry([Module("a", "b"), Module("b", "c"), Module("c", "a")]));

        Assert.Equal("Module dependencies form a cycle: a -> b -> c -> a.", error.Message);
    }

    [Fact]
    public void AddStrata_registers_each_module_context_as_a_scoped_service()
    {
        var services = new ServiceCollection();
        services.AddStrata(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), s => s.AddModule<GadgetsModule>().AddModule<WidgetsModule>());

        Assert.Contains(services, d => d.ServiceType == typeof(WidgetsDbContext) && d.Lifetime == ServiceLifetime.Scoped);
        Assert.Contains(services, d => d.ServiceType == typeof(GadgetsDbContext) && d.Lifetime == ServiceLifetime.Scoped);
    }

    [Fact]
    public void AddStrata_orders_the_test_modules_by_dependency()
    {
        var services = new ServiceCollection();
        services.AddStrata(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), s => s.AddModule<GadgetsModule>().AddModule<WidgetsModule>());
        using var provider = services.BuildServiceProvider();

        Assert.Equal(["widgets", "gadgets"], provider.GetRequiredService<ModuleRegistry>().Modules.Select(m => m.Name));
    }

    private static readonly Type[] ContextStandIns = [typeof(int), typeof(long), typeof(short), typeof(byte), typeof(char), typeof(bool), typeof(float), typeof(double)];
    private static int _nextStandIn;

    private static FakeModule Module(string name, params string[] dependsOn) => ModuleWithSchema(name, name, dependsOn);

    private static FakeModule ModuleWithSchema(string name, string schema, params string[] dependsOn)
    {
        // Each fake needs its own context type; the registry refuses two modules sharing one.
        var type = ContextStandIns[Interlocked.Increment(ref _nextStandIn) % ContextStandIns.Length];
        return new FakeModule(name, schema, dependsOn, new ModuleContexts(type, type, type));
    }

    private sealed class FakeModule(string name, string schema, IReadOnlyList<string> dependsOn, ModuleContexts contexts) : IStrataModule
    {
        public string Name => name;

        public string Schema => schema;

        public string TablePrefix => schema + "_";

        public ModuleContexts Contexts => contexts;

        public IReadOnlyList<string> DependsOn => dependsOn;

        public IReadOnlyList<string> Permissions => [];

        public IReadOnlyList<string> AppendOnlyTables => [];

        public IReadOnlyList<Type> Seeders => [];

        public IReadOnlyList<RepeatableScript> GetRepeatableScripts(DatabaseProvider provider) => [];

        public void RegisterServices(IServiceCollection services, IConfiguration configuration)
        {
        }
    }
}

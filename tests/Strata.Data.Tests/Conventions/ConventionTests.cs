using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Data.Errors;
using Strata.TestModules.Gadgets;
using Strata.TestModules.Gadgets.Repositories;
using Strata.TestModules.Gadgets.Schema;
using Strata.TestModules.Widgets;
using Strata.TestModules.Widgets.Repositories;
using Strata.TestModules.Widgets.Schema;
using Strata.Testing;

namespace Strata.Data.Tests.Conventions;

public sealed class ConventionTests(DataTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Tables_live_in_the_module_schema_or_under_the_module_prefix(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);

        var tables = await db.ScalarAsync<string>(provider == DatabaseProvider.Postgres
            ? "SELECT string_agg(table_schema || '.' || table_name, ',' ORDER BY table_schema, table_name) FROM information_schema.tables WHERE table_schema IN ('widgets', 'gadgets')"
            : "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%gets%' ORDER BY name)");

        Assert.Equal(provider == DatabaseProvider.Postgres
            ? "gadgets.__migrations,gadgets.gadgets,widgets.__migrations,widgets.categories,widgets.widgets"
            : "gadgets__migrations,gadgets_gadgets,widgets__migrations,widgets_categories,widgets_widgets", tables);
    }

    [Theory, BothProviders]
    public async Task Columns_are_snake_case(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);

        var columns = await db.ScalarAsync<string>(provider == DatabaseProvider.Postgres
            ? "SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns WHERE table_schema = 'widgets' AND table_name = 'widgets'"
            : "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('widgets_widgets') ORDER BY name)");

        Assert.Equal(provider == DatabaseProvider.Postgres
            ? "category_id,colour,created_at,deleted_at,description,id,name,normalized_name,public_id,quantity,updated_at"
            : "category_id,colour,created_at,deleted_at,description,id,name,normalized_name,public_id,quantity,updated_at,version", columns);
    }

    [Theory, BothProviders]
    public async Task Keys_and_indexes_carry_snake_case_names(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);

        var indexes = await db.ScalarAsync<string>(provider == DatabaseProvider.Postgres
            ? "SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'widgets' AND tablename = 'widgets'"
            : "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'widgets_widgets' AND name NOT LIKE 'sqlite_%' ORDER BY name)");

        Assert.Equal(provider == DatabaseProvider.Postgres
            ? "ix_widgets_category_id,ix_widgets_colour,ix_widgets_created_at,pk_widgets,ux_widgets_normalized_name,ux_widgets_public_id"
            : "ix_widgets_widgets_category_id,ix_widgets_widgets_colour,ix_widgets_widgets_created_at,ux_widgets_widgets_normalized_name,ux_widgets_widgets_public_id", indexes);
    }

    [Theory, BothProviders]
    public async Task A_new_row_gets_a_version_7_public_id(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);

        var widget = await db.WidgetAsync();

        Assert.Equal(7, widget.PublicId.Version);
    }

    [Theory, BothProviders]
    public async Task Created_and_updated_times_are_set_on_insert_and_moved_on_update(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var before = DateTime.UtcNow.AddSeconds(-1);
        var widget = await db.WidgetAsync();
        var created = widget.CreatedAt;

        widget.Quantity = 5;
        await Task.Delay(5);
        await db.Get<WidgetRepository>().UpdateAsync(widget);
        var reloaded = await db.Get<WidgetRepository>().GetByPublicIdAsync(widget.PublicId);

        Assert.True(created > before);
        Assert.Equal(created, reloaded.CreatedAt, TimeSpan.FromMilliseconds(1));
        Assert.True(reloaded.UpdatedAt > created);
    }

    [Theory, BothProviders]
    public async Task Times_read_back_as_utc(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var widget = await db.WidgetAsync();

        var reloaded = await db.Get<WidgetRepository>().GetByPublicIdAsync(widget.PublicId);

        Assert.Equal(DateTimeKind.Utc, reloaded.CreatedAt.Kind);
    }

    [Theory, BothProviders]
    public async Task A_local_time_is_stored_as_the_same_instant_in_utc(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var widget = await db.WidgetAsync();
        var instant = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

        widget.DeletedAt = instant.ToLocalTime();
        await db.Get<WidgetRepository>().UpdateAsync(widget);
        var stored = await db.Get<WidgetsDbContext>().Widgets.IgnoreQueryFilters().AsNoTracking().SingleAsync(w => w.Id == widget.Id);

        Assert.Equal(instant, stored.DeletedAt);
        Assert.Equal(DateTimeKind.Utc, stored.DeletedAt!.Value.Kind);
    }

    [Theory, BothProviders]
    public async Task A_soft_deleted_row_is_hidden_from_reads(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var repository = db.Get<WidgetRepository>();
        var widget = await db.WidgetAsync();

        await repository.SoftDeleteAsync(widget);

        Assert.Null(await repository.FindByPublicIdAsync(widget.PublicId));
        Assert.False(await repository.ExistsAsync(w => w.Id == widget.Id));
    }

    [Theory, BothProviders]
    public async Task Lifting_the_soft_delete_filter_by_name_shows_deleted_rows(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var widget = await db.WidgetAsync();
        await db.Get<WidgetRepository>().SoftDeleteAsync(widget);

        var found = await db.Get<WidgetsDbContext>().Widgets.IgnoreQueryFilters([StrataQueryFilters.SoftDelete]).AsNoTracking()
            .SingleAsync(w => w.PublicId == widget.PublicId);

        Assert.NotNull(found.DeletedAt);
    }

    [Theory, BothProviders]
    public async Task Lifting_the_soft_delete_filter_keeps_other_named_filters(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var owner = Guid.NewGuid();
        await db.Get<GadgetRepository>().AddAsync(new Gadget { Name = UniqueNames.Next("Gadget"), OwnerUserId = owner });
        db.Session.Tenant.Set(Guid.NewGuid());

        var visible = await db.Get<GadgetsDbContext>().Gadgets.IgnoreQueryFilters([StrataQueryFilters.SoftDelete]).CountAsync(g => g.OwnerUserId == owner);

        Assert.Equal(0, visible);
    }

    [Theory, BothProviders]
    public async Task A_soft_deleted_row_can_be_restored(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var repository = db.Get<WidgetRepository>();
        var widget = await db.WidgetAsync();
        await repository.SoftDeleteAsync(widget);

        await repository.RestoreAsync(widget.PublicId);

        Assert.Null((await repository.GetByPublicIdAsync(widget.PublicId)).DeletedAt);
    }

    [Theory, BothProviders]
    public async Task A_soft_deleted_name_can_be_used_again(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var name = UniqueNames.Next("Reusable");
        var first = await db.WidgetAsync(name);
        await db.Get<WidgetRepository>().SoftDeleteAsync(first);

        var second = await db.WidgetAsync(name.ToUpperInvariant());

        Assert.NotEqual(first.PublicId, second.PublicId);
    }

    [Theory, BothProviders]
    public async Task Names_differing_only_in_case_collide_on_the_normalized_column(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var name = UniqueNames.Next("Gizmo");
        var category = await db.CategoryAsync();
        await db.WidgetAsync(name, category: category);

        var error = await Assert.ThrowsAsync<ConflictError>(() => db.WidgetAsync($"  {name.ToUpperInvariant()} ", category: category));

        Assert.Equal("database.unique_violation", error.Code);
        Assert.Equal("name", error.Field);
    }

    [Theory, BothProviders]
    public async Task Saving_a_stale_version_is_a_conflict(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var created = await db.Session.InTransactionAsync(_ => db.WidgetAsync());
        await using var firstScope = db.CreateScope();
        await using var secondScope = db.CreateScope();
        var first = firstScope.ServiceProvider.GetRequiredService<WidgetRepository>();
        var second = secondScope.ServiceProvider.GetRequiredService<WidgetRepository>();
        var firstCopy = await first.GetByPublicIdAsync(created.PublicId);
        var secondCopy = await second.GetByPublicIdAsync(created.PublicId);

        firstCopy.Quantity = 10;
        await first.UpdateAsync(firstCopy);
        secondCopy.Quantity = 20;
        var error = await Assert.ThrowsAsync<ConflictError>(() => second.UpdateAsync(secondCopy));

        Assert.Equal("database.concurrency_conflict", error.Code);
    }

    [Theory, BothProviders]
    public async Task The_row_version_changes_on_every_update(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var repository = db.Get<WidgetRepository>();
        var widget = await db.Session.InTransactionAsync(_ => db.WidgetAsync());
        var before = (await repository.GetByPublicIdAsync(widget.PublicId)).Version;

        widget.Quantity += 1;
        await db.Session.InTransactionAsync(token => repository.UpdateAsync(widget, token));

        Assert.NotEqual(before, (await repository.GetByPublicIdAsync(widget.PublicId)).Version);
    }

    [Theory, BothProviders]
    public async Task Query_filters_read_the_tenant_of_each_scope(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var alice = Guid.NewGuid();
        var bob = Guid.NewGuid();
        await db.Session.InTransactionAsync(async _ =>
        {
            var gadgets = db.Get<GadgetRepository>();
            await gadgets.AddAsync(new Gadget { Name = "alice's", OwnerUserId = alice });
            await gadgets.AddAsync(new Gadget { Name = "bob's", OwnerUserId = bob });
            await gadgets.AddAsync(new Gadget { Name = "shared" });
        });

        Assert.Equal(["alice's", "shared"], await VisibleNamesAsync(alice));
        Assert.Equal(["bob's", "shared"], await VisibleNamesAsync(bob));

        async Task<string[]> VisibleNamesAsync(Guid user)
        {
            await using var scope = db.CreateScope();
            scope.ServiceProvider.GetRequiredService<Strata.Data.Sessions.TenantContext>().Set(user);
            var context = scope.ServiceProvider.GetRequiredService<GadgetsDbContext>();
            return await context.Gadgets.OrderBy(g => g.Name).Select(g => g.Name).ToArrayAsync();
        }
    }
}

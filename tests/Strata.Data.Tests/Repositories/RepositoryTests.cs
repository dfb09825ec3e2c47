using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Data.Errors;
using Strata.Data.Repositories;
using Strata.TestModules.Widgets;
using Strata.TestModules.Widgets.Repositories;
using Strata.TestModules.Widgets.Schema;
using Strata.Testing;

namespace Strata.Data.Tests.Repositories;

public sealed class RepositoryTests(DataTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Finding_by_public_id_returns_the_row(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var widget = await db.WidgetAsync();

        var found = await db.Get<WidgetRepository>().FindByPublicIdAsync(widget.PublicId);

        Assert.Equal(widget.Name, found?.Name);
    }

    [Theory, BothProviders]
    public async Task Getting_an_unknown_public_id_is_a_not_found_error(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);

        var error = await Assert.ThrowsAsync<NotFoundError>(() => db.Get<WidgetRepository>().GetByPublicIdAsync(Guid.NewGuid()));

        Assert.Equal("widget.not_found", error.Code);
    }

    [Theory, BothProviders]
    public async Task Finding_many_by_public_ids_takes_one_command_for_any_number(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var category = await db.CategoryAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            ids.Add((await db.WidgetAsync(category: category)).PublicId);
        }

        var before = db.Session.CommandsExecuted;
        var found = await db.Get<WidgetRepository>().FindManyByPublicIdsAsync([.. ids, Guid.NewGuid()]);

        Assert.Equal(1, db.Session.CommandsExecuted - before);
        Assert.Equal(ids, found.Select(w => w.PublicId));
    }

    [Theory, BothProviders]
    public async Task Reads_do_not_track_rows(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var widget = await db.WidgetAsync();
        var context = db.Get<TestModules.Widgets.WidgetsDbContext>();
        context.ChangeTracker.Clear();

        await db.Get<WidgetRepository>().FindManyByPublicIdsAsync([widget.PublicId]);

        Assert.Empty(context.ChangeTracker.Entries());
    }

    [Theory, BothProviders]
    public async Task Counting_and_existence_follow_the_filter(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var category = await db.CategoryAsync();
        await db.WidgetAsync(quantity: 3, category: category);
        await db.WidgetAsync(quantity: 7, category: category);
        var repository = db.Get<WidgetRepository>();

        Assert.Equal(2, await repository.CountAsync(w => w.CategoryId == category.Id));
        Assert.Equal(1, await repository.CountAsync(w => w.CategoryId == category.Id && w.Quantity > 5));
        Assert.False(await repository.ExistsAsync(w => w.CategoryId == category.Id && w.Quantity > 10));
    }

    [Theory, BothProviders]
    public async Task An_offset_page_carries_its_rows_and_the_total(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var category = await db.CategoryAsync();
        foreach (var quantity in new[] { 5, 1, 4, 2, 3 })
        {
            await db.WidgetAsync(quantity: quantity, category: category);
        }

        var page = await db.Get<WidgetRepository>().PageAsync(new PageRequest(Page: 2, PageSize: 2, Sort: "-quantity"), w => w.CategoryId == category.Id);

        Assert.Equal([3, 2], page.Items.Select(w => w.Quantity));
        Assert.Equal(5, page.Total);
        Assert.Equal(2, page.Page);
    }

    [Theory, BothProviders]
    public async Task A_page_size_above_100_is_a_validation_error(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);

        var error = await Assert.ThrowsAsync<ValidationError>(() => db.Get<WidgetRepository>().PageAsync(new PageRequest(PageSize: 101)));

        Assert.Equal("paging.invalid_size", error.Code);
        Assert.True(error.Errors.ContainsKey("pageSize"));
    }

    [Theory, BothProviders]
    public async Task Sorting_by_a_field_outside_the_whitelist_is_a_validation_error(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);

        var error = await Assert.ThrowsAsync<ValidationError>(() => db.Get<WidgetRepository>().PageAsync(new PageRequest(Sort: "normalizedName")));

        Assert.Equal("paging.invalid_sort", error.Code);
        Assert.Contains("createdAt, id, name, quantity", error.Message, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Keyset_pages_walk_every_row_once_in_order(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var category = await db.CategoryAsync();
        var prefix = UniqueNames.Next("walk");
        foreach (var suffix in new[] { "e", "c", "a", "d", "b" })
        {
            await db.WidgetAsync($"{prefix} {suffix}", category: category);
        }

        var names = await WalkAsync(db.Get<WidgetRepository>(), new KeysetRequest(Limit: 2, Sort: "name"), w => w.CategoryId == category.Id);

        Assert.Equal(["a", "b", "c", "d", "e"], names.Select(n => n[^1..]));
    }

    [Theory, BothProviders]
    public async Task Keyset_pages_on_a_key_with_ties_break_them_by_public_id(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var category = await db.CategoryAsync();
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await db.WidgetAsync(quantity: 7, category: category)).PublicId);
        }

        var repository = db.Get<WidgetRepository>();
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await repository.KeysetPageAsync(new KeysetRequest(Limit: 2, Cursor: cursor, Sort: "-quantity"), w => w.CategoryId == category.Id);
            seen.AddRange(page.Items.Select(w => w.PublicId));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(created.OrderDescending(), seen);
    }

    [Theory, BothProviders]
    public async Task Rows_inserted_between_keyset_pages_neither_repeat_nor_shift_rows(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var category = await db.CategoryAsync();
        var prefix = UniqueNames.Next("insert");
        foreach (var suffix in new[] { "b", "d", "f", "h" })
        {
            await db.WidgetAsync($"{prefix} {suffix}", category: category);
        }

        var repository = db.Get<WidgetRepository>();
        var first = await repository.KeysetPageAsync(new KeysetRequest(Limit: 2, Sort: "name"), w => w.CategoryId == category.Id);
        await db.WidgetAsync($"{prefix} a", category: category);
        await db.WidgetAsync($"{prefix} e", category: category);
        var second = await repository.KeysetPageAsync(new KeysetRequest(Limit: 2, Cursor: first.NextCursor, Sort: "name"), w => w.CategoryId == category.Id);

        Assert.Equal(["b", "d"], first.Items.Select(w => w.Name[^1..]));
        Assert.Equal(["e", "f"], second.Items.Select(w => w.Name[^1..]));
    }

    [Theory, BothProviders]
    public async Task The_last_keyset_page_has_no_next_cursor(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var category = await db.CategoryAsync();
        await db.WidgetAsync(category: category);

        var page = await db.Get<WidgetRepository>().KeysetPageAsync(new KeysetRequest(Limit: 1), w => w.CategoryId == category.Id);

        Assert.Single(page.Items);
        Assert.Null(page.NextCursor);
    }

    [Theory, BothProviders]
    public async Task A_tampered_cursor_is_a_validation_error(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var category = await db.CategoryAsync();
        await db.WidgetAsync(category: category);
        await db.WidgetAsync(category: category);
        var repository = db.Get<WidgetRepository>();
        var cursor = (await repository.KeysetPageAsync(new KeysetRequest(Limit: 1), w => w.CategoryId == category.Id)).NextCursor!;
        var tampered = (cursor[10] == 'A' ? "B" : "A") is var c ? cursor[..10] + c + cursor[11..] : cursor;

        var error = await Assert.ThrowsAsync<ValidationError>(() => repository.KeysetPageAsync(new KeysetRequest(Limit: 1, Cursor: tampered)));

        Assert.Equal("paging.invalid_cursor", error.Code);
        Assert.True(error.Errors.ContainsKey("cursor"));
    }

    [Theory, BothProviders]
    public async Task A_cursor_used_with_another_sort_is_a_validation_error(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var category = await db.CategoryAsync();
        await db.WidgetAsync(category: category);
        await db.WidgetAsync(category: category);
        var repository = db.Get<WidgetRepository>();
        var cursor = (await repository.KeysetPageAsync(new KeysetRequest(Limit: 1, Sort: "name"), w => w.CategoryId == category.Id)).NextCursor;

        var error = await Assert.ThrowsAsync<ValidationError>(() => repository.KeysetPageAsync(new KeysetRequest(Limit: 1, Cursor: cursor, Sort: "-name")));

        Assert.Equal("paging.invalid_cursor", error.Code);
    }

    [Theory, BothProviders]
    public async Task Search_ignores_case(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var category = await db.CategoryAsync();
        await db.WidgetAsync($"Turbo Charger {Guid.NewGuid():N}", category: category);

        var page = await db.Get<WidgetRepository>().PageAsync(new PageRequest(), w => w.CategoryId == category.Id, search: "tURBO cHARGER");

        Assert.Single(page.Items);
    }

    [Theory, BothProviders]
    public async Task Search_treats_percent_and_underscore_as_plain_characters(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var category = await db.CategoryAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var name in new[] { $"50% off {tag}", $"500 off {tag}", $"snake_case {tag}", $"snakeXcase {tag}", $@"back\slash {tag}" })
        {
            await db.WidgetAsync(name, category: category);
        }

        var repository = db.Get<WidgetRepository>();
        async Task<string[]> SearchAsync(string term) =>
            [.. (await repository.PageAsync(new PageRequest(Sort: "name"), w => w.CategoryId == category.Id, term)).Items.Select(w => w.Name[..^(tag.Length + 1)])];

        Assert.Equal(["50% off"], await SearchAsync("0%"));
        Assert.Equal(["snake_case"], await SearchAsync("e_c"));
        Assert.Equal([@"back\slash"], await SearchAsync(@"k\s"));
    }

    [Theory, BothProviders]
    public async Task Removing_a_row_deletes_it(DatabaseProvider provider)
    {
        await using var db = await databases.RolledBackAsync(provider);
        var category = await db.CategoryAsync();
        var repository = db.Get<WidgetCategoryRepository>();

        await repository.RemoveAsync(category);

        Assert.Null(await repository.FindByPublicIdAsync(category.PublicId));
    }

    [Theory, BothProviders]
    public async Task Soft_delete_stamps_the_time_of_the_registered_clock(DatabaseProvider provider)
    {
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        await using var db = await databases.FreshAsync(provider, services: services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(now)));
        var widget = await db.WidgetAsync();

        await db.Get<WidgetRepository>().SoftDeleteAsync(widget);

        var stored = await db.Get<WidgetsDbContext>().Widgets.IgnoreQueryFilters([StrataQueryFilters.SoftDelete]).AsNoTracking()
            .SingleAsync(w => w.PublicId == widget.PublicId);
        Assert.Equal(now.UtcDateTime, stored.DeletedAt);
    }

    private static async Task<List<string>> WalkAsync(WidgetRepository repository, KeysetRequest request, System.Linq.Expressions.Expression<Func<Widget, bool>> filter)
    {
        var names = new List<string>();
        var cursor = request.Cursor;
        do
        {
            var page = await repository.KeysetPageAsync(request with { Cursor = cursor }, filter);
            names.AddRange(page.Items.Select(w => w.Name));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return names;
    }
}

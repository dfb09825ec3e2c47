using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Strata.Api.Errors;
using Strata.Data.Errors;

namespace Strata.Api.Tests;

public sealed class ProblemDetailsTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddStrataProblemDetails();
        _app = builder.Build();
        _app.UseExceptionHandler();
        _app.MapGet("/conflict", string () => throw new ConflictError("widgets.name_taken", "Another widget has this name.", "name"));
        _app.MapGet("/invalid", string () => throw new ValidationError("widgets.invalid", "quantity", "quantity must be 0 or more."));
        _app.MapGet("/database", string () => throw new DatabaseError("42P01"));
        _app.MapGet("/busy", string () => throw new SqliteException("database is locked", 5));
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_conflict_answers_409_with_its_code_and_field()
    {
        var (status, problem) = await GetAsync("/conflict");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("widgets.name_taken", problem.GetProperty("code").GetString());
        Assert.Equal("name", problem.GetProperty("field").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task A_validation_error_answers_400_listing_field_errors()
    {
        var (status, problem) = await GetAsync("/invalid");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("widgets.invalid", problem.GetProperty("code").GetString());
        Assert.Equal("quantity must be 0 or more.", problem.GetProperty("errors").GetProperty("quantity")[0].GetString());
    }

    [Fact]
    public async Task A_database_error_answers_500_without_the_server_text()
    {
        var (status, problem) = await GetAsync("/database");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("database.error", problem.GetProperty("code").GetString());
        Assert.False(problem.TryGetProperty("detail", out var detail) && detail.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task A_provider_exception_is_translated_before_it_is_answered()
    {
        var (status, problem) = await GetAsync("/busy");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("database.transient", problem.GetProperty("code").GetString());
    }

    private async Task<(HttpStatusCode Status, JsonElement Problem)> GetAsync(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}

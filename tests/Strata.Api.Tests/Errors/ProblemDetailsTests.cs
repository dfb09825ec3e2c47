using System.Net;
using System.Net.Http.Json;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Strata.AspNetCore.Validation;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Testing;
using static Strata.Api.Tests.ProblemAssertions;

namespace Strata.Api.Tests.Errors;

/// <summary>Every error the host produces — ours or the framework's — is problem+json with a code and a trace id.</summary>
public sealed class ProblemDetailsTests(ApiTestDatabases databases) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private TestApi _api = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await databases.FreshAsync(DatabaseProvider.Sqlite);
        var settings = await databases.GrantedServingSettingsAsync(_db);
        settings["Strata:Api:MaxRequestBodyBytes"] = "1024";
        _api = await TestApi.StartAsync(settings, app =>
        {
            app.MapPost("/test/widgets", (WidgetRequest request) => TypedResults.Ok(request)).WithValidation<WidgetRequest>();
            app.MapGet("/test/conflict", string () => throw new ConflictError("widgets.name_taken", "Another widget has this name.", "name"))
                .ProducesProblem(StatusCodes.Status409Conflict);
            app.MapGet("/test/crash", string () => throw new InvalidOperationException("SELECT secret FROM vault"));
            app.MapGet("/test/database", string () => throw new DatabaseError("42P01"));
            app.MapPost("/test/slow-body", string () => throw new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly.", StatusCodes.Status408RequestTimeout))
                .ProducesProblem(StatusCodes.Status408RequestTimeout);
        }, services => services.AddScoped<IValidator<WidgetRequest>, WidgetRequestValidator>());
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Malformed_json_answers_400()
    {
        var response = await _api.Client.PostAsync(new Uri("/test/widgets", UriKind.Relative), new StringContent("{\"name\": ", Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
    }

    [Fact]
    public async Task A_body_of_the_wrong_content_type_answers_415()
    {
        var response = await _api.Client.PostAsync(new Uri("/test/widgets", UriKind.Relative), new StringContent("name=x", Encoding.UTF8, "text/plain"));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    [Fact]
    public async Task A_body_over_the_limit_answers_413()
    {
        var response = await _api.Client.PostAsJsonAsync(new Uri("/test/widgets", UriKind.Relative), new WidgetRequest(new string('x', 4096), 1));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request.too_large");
    }

    [Fact]
    public async Task A_wrong_method_answers_405()
    {
        var response = await _api.Client.DeleteAsync(new Uri("/health/live", UriKind.Relative));

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "request.method_not_allowed");
    }

    [Fact]
    public async Task An_unknown_route_answers_404()
    {
        var response = await _api.Client.GetAsync(new Uri("/no/such/route", UriKind.Relative));

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "request.not_found");
    }

    [Fact]
    public async Task Invalid_input_answers_400_listing_each_field()
    {
        var response = await _api.Client.PostAsJsonAsync(new Uri("/test/widgets", UriKind.Relative), new WidgetRequest("", -1));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.validation");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.Equal("Quantity must be 0 or more.", errors.GetProperty("quantity")[0].GetString());
    }

    [Fact]
    public async Task Valid_input_reaches_the_handler()
    {
        var response = await _api.Client.PostAsJsonAsync(new Uri("/test/widgets", UriKind.Relative), new WidgetRequest("Sprocket", 3));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"name\":\"Sprocket\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strata_error_keeps_its_status_code_and_field()
    {
        var response = await _api.Client.GetAsync(new Uri("/test/conflict", UriKind.Relative));

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict, "widgets.name_taken");
        Assert.Equal("name", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_unhandled_exception_answers_500_without_its_message()
    {
        var response = await _api.Client.GetAsync(new Uri("/test/crash", UriKind.Relative));

        await AssertProblemAsync(response, HttpStatusCode.InternalServerError, "server.error");
        Assert.DoesNotContain("SELECT", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_error_answers_500_without_the_server_text()
    {
        var response = await _api.Client.GetAsync(new Uri("/test/database", UriKind.Relative));

        var problem = await AssertProblemAsync(response, HttpStatusCode.InternalServerError, "database.error");
        Assert.False(problem.TryGetProperty("detail", out var detail) && detail.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task A_body_that_arrives_too_slowly_answers_408_with_its_own_code()
    {
        var response = await _api.Client.PostAsync(new Uri("/test/slow-body", UriKind.Relative), null);

        await AssertProblemAsync(response, HttpStatusCode.RequestTimeout, "request.timeout");
    }

    [Fact]
    public async Task A_well_formed_correlation_id_is_echoed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-Id", "deploy-42.check");

        var response = await _api.Client.SendAsync(request);

        Assert.Equal("deploy-42.check", response.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task A_malformed_correlation_id_is_replaced()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-Id", "<script>");

        var response = await _api.Client.SendAsync(request);

        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Correlation-Id").Single());
    }

    public sealed record WidgetRequest(string Name, int Quantity);

    public sealed class WidgetRequestValidator : AbstractValidator<WidgetRequest>
    {
        public WidgetRequestValidator()
        {
            RuleFor(r => r.Name).NotEmpty();
            RuleFor(r => r.Quantity).GreaterThanOrEqualTo(0).WithMessage("Quantity must be 0 or more.");
        }
    }
}

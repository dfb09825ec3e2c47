using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Strata.Client.Models;

namespace Strata.Client.Check;

/// <summary>
/// A short, real use of the generated <see cref="StrataClient"/>: sign up and in anonymously, then with the session
/// token as a bearer read the session, create a workspace, page manufacturers and read a part, and read the stable
/// <c>code</c> of the problems the API answers with. It only has to compile (check.sh); nothing runs it.
/// </summary>
internal static class Usage
{
    public static async Task<string?> RunAsync(HttpClient http, Guid partId, CancellationToken cancellationToken)
    {
        // Anonymous: sign-up and sign-in need no token.
        using var anonymousAdapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http);
        var anonymous = new StrataClient(anonymousAdapter);

        try
        {
            await anonymous.Auth.SignUp.PostAsync(
                new SignUpRequest { Email = "ada@example.com", Password = "correct horse battery staple", Name = "Ada" },
                cancellationToken: cancellationToken);
        }
        catch (Problem invalid) when (invalid.ResponseStatusCode == 400)
        {
            // 400: which fields failed and why; `errors` is a map of field to messages, kept as Kiota's additional data.
            var fields = invalid.Errors?.AdditionalData.Keys ?? [];
            return $"{invalid.Code} (trace {invalid.TraceId}): {string.Join(", ", fields)}";
        }
        catch (Problem taken) when (taken.ResponseStatusCode == 409 && taken.Field == "email")
        {
            // Already registered (auth.email_taken): sign in instead (below).
        }

        var signedIn = await anonymous.Auth.SignIn.PostAsync(
            new SignInRequest { Email = "ada@example.com", Password = "correct horse battery staple" },
            cancellationToken: cancellationToken);
        var token = signedIn?.Session?.Token ?? throw new InvalidOperationException("Sign-in answered no session token.");

        // Bearer: every later call carries the session token.
        var bearer = new BaseBearerTokenAuthenticationProvider(new SessionTokenProvider(token, http.BaseAddress?.Host));
        using var adapter = new HttpClientRequestAdapter(bearer, httpClient: http);
        var client = new StrataClient(adapter);

        var session = await client.Auth.Session.GetAsync(cancellationToken: cancellationToken);
        var workspace = await client.Workspaces.PostAsync(
            new CreateWorkspaceRequest { Name = "Garage", Slug = "garage" }, cancellationToken: cancellationToken);
        var manufacturers = await client.Catalog.Manufacturers.GetAsync(
            request => request.QueryParameters.Limit = 20, cancellationToken);
        var names = manufacturers?.Items?.Select(m => m.Name) ?? [];

        // Raw bytes in, as the document declares them (a media type without a schema): a Stream and its content type.
        using var image = new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var uploaded = await client.Catalog.Parts[partId].Images.PostAsync(
            image, "image/png", request => request.QueryParameters.FileName = "front.png", cancellationToken);

        try
        {
            var part = await client.Catalog.Parts[partId].GetAsync(cancellationToken: cancellationToken);
            return $"{session?.User?.Email} in {workspace?.Slug}; {string.Join(", ", names)}; part {part?.PartNumber} with {uploaded?.Id}";
        }
        catch (Problem problem) when (problem.Code == "part.not_found")
        {
            // The exception's message is the problem's detail (x-ms-primary-error-message).
            return $"{problem.ResponseStatusCode} {problem.Code}: {problem.Message}";
        }
    }

    /// <summary>Hands the session token to <see cref="BaseBearerTokenAuthenticationProvider"/> for the API's host only.</summary>
    private sealed class SessionTokenProvider(string token, string? host) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new(host is null ? [] : [host]);

        public Task<string> GetAuthorizationTokenAsync(
            Uri uri, Dictionary<string, object>? additionalAuthenticationContext = default, CancellationToken cancellationToken = default) =>
            Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token : string.Empty);
    }
}

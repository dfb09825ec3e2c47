using System.Net.Http.Json;
using System.Text.Json;

namespace Strata.Api.Tests;

/// <summary>Reading what a successful answer created.</summary>
internal static class Responses
{
    /// <summary>The <c>id</c> of the resource a successful answer returns.</summary>
    public static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

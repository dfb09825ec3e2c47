using Microsoft.AspNetCore.Routing;

namespace Strata.AspNetCore.Modules;

/// <summary>
/// A module that answers HTTP. The module class implements it beside <see cref="Strata.Data.Modules.IStrataModule"/>:
/// its one registration names its services (<c>RegisterServices</c>, request validators included), its routes (here)
/// and its commands, so a host that composes the module serves its routes without listing them.
/// </summary>
public interface IEndpointModule
{
    /// <summary>
    /// The OpenAPI tags the module's routes carry, each with the description the API reference shows for its section.
    /// </summary>
    IReadOnlyDictionary<string, string> Tags { get; }

    /// <summary>Maps the module's routes onto <paramref name="routes"/> (the host's group, with its conventions).</summary>
    void MapEndpoints(IEndpointRouteBuilder routes);
}

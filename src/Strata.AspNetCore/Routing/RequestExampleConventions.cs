using Microsoft.AspNetCore.Builder;

namespace Strata.AspNetCore.Routing;

/// <summary>Declares request body examples.</summary>
public static class RequestExampleConventions
{
    /// <summary>Shows <paramref name="example"/> as the example of the route's request body.</summary>
    public static RouteHandlerBuilder WithRequestExample<TRequest>(this RouteHandlerBuilder builder, TRequest example)
        where TRequest : notnull
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new RequestExampleMetadata(example));
    }
}

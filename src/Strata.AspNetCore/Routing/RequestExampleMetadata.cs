namespace Strata.AspNetCore.Routing;

/// <summary>
/// A request body example for the OpenAPI document (shown by the API reference), given as an instance of the route's
/// body type: it is serialized with the API's own JSON options, so it cannot drift from the schema.
/// </summary>
/// <param name="Example">An instance of the route's request body type.</param>
public sealed record RequestExampleMetadata(object Example);

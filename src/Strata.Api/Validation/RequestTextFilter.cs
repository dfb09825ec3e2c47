using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Metadata;
using Strata.Data.Conventions;
using Strata.Data.Errors;

namespace Strata.Api.Validation;

/// <summary>
/// Applies <see cref="TextInput"/>'s rule to every field a route binds — route values, query strings, bodies, JSON
/// objects inside them — and refuses null elements in lists, before the handler runs: a 400 naming each field, and
/// nothing written. One filter for every route, so no validator re-types the rule. Routes that bind nothing textual
/// get no filter at all (decided once, when the endpoint is built).
/// </summary>
internal static class RequestTextFilter
{
    /// <summary>The error code of a list that holds a null element.</summary>
    public const string NullElementCode = "request.null_element";

    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name)[]> Properties = new();

    /// <summary>
    /// Checks the text of every route under <paramref name="builder"/> that binds any, and declares its 400 answer in
    /// the OpenAPI document.
    /// </summary>
    public static TBuilder WithTextInspection<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            // A route handler's endpoint carries its MethodInfo as metadata from the start.
            if (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is not { } method)
            {
                return;
            }

            var services = endpoint.ApplicationServices.GetService<IServiceProviderIsService>();
            var inspected = method.GetParameters()
                .Select((parameter, index) => (parameter, index))
                .Where(p => IsInspected(p.parameter, services))
                .Select(p => (p.index, Name: FieldName(p.parameter)))
                .ToArray();
            if (inspected.Length == 0)
            {
                return;
            }

            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(
                StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
            endpoint.FilterFactories.Add((_, next) => context =>
            {
                var errors = new Dictionary<string, string[]>();
                var code = TextInput.InvalidTextCode;
                foreach (var (index, name) in inspected)
                {
                    Inspect(context.Arguments[index], name, errors, ref code);
                }

                return errors.Count == 0
                    ? next(context)
                    : throw new ValidationError(code, "The request holds text or lists Strata does not accept; see errors.", errors);
            });
        });
        return builder;
    }

    private static void Inspect(object? value, string path, Dictionary<string, string[]> errors, ref string code)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (TextInput.Problem(text) is { } problem)
                {
                    errors[path] = [TextInput.Message(path, problem)];
                }

                return;
            case JsonElement json:
                if (TextInput.Problem(json, path) is { } found)
                {
                    errors[found.Path] = [TextInput.Message(found.Path, found.Problem)];
                }

                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    var itemPath = $"{path}[{index++}]";
                    if (item is null)
                    {
                        errors[itemPath] = [$"'{path}' must not hold null elements."];
                        code = NullElementCode;
                    }
                    else
                    {
                        Inspect(item, itemPath, errors, ref code);
                    }
                }

                return;
        }

        if (!IsRequestType(value.GetType()))
        {
            return;
        }

        foreach (var (property, name) in Properties.GetOrAdd(value.GetType(), ReadableProperties))
        {
            Inspect(property.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", errors, ref code);
        }
    }

    private static bool IsInspected(ParameterInfo parameter, IServiceProviderIsService? services)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (type == typeof(string) || type == typeof(JsonElement))
        {
            return true;
        }

        if (services?.IsService(type) == true || type == typeof(HttpContext) || type == typeof(HttpRequest) ||
            type == typeof(CancellationToken) || type == typeof(ClaimsPrincipal) || typeof(Stream).IsAssignableFrom(type))
        {
            return false;
        }

        return typeof(IEnumerable).IsAssignableFrom(type) || IsRequestType(type);
    }

    // Request records are the API's own types (and module DTOs they hold); framework and primitive types carry no free text.
    private static bool IsRequestType(Type type) =>
        type is { IsClass: true, IsAbstract: false } && type.Assembly.GetName().Name?.StartsWith("Strata.", StringComparison.Ordinal) == true;

    // Each readable property with the name a client gives it in JSON.
    private static (PropertyInfo Property, string Name)[] ReadableProperties(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => (p, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name))),
    ];

    // A body's fields are named from its root (name, metadata.note); a route or query value by the name it is bound from.
    private static string FieldName(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (IsRequestType(type))
        {
            return string.Empty;
        }

        var bound = parameter.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault()?.Name
            ?? parameter.GetCustomAttributes().OfType<IFromRouteMetadata>().FirstOrDefault()?.Name;
        return bound ?? JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
    }
}

using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Errors;

namespace Strata.AspNetCore.Validation;

/// <summary>
/// Validates the <typeparamref name="T"/> argument of a route with its FluentValidation validator before the handler
/// runs; failures become a <see cref="ValidationError"/> (400, <c>errors</c> by camelCase field), answered by the one
/// problem-details mapping.
/// </summary>
internal sealed class ValidationFilter<T> : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // Resolved per request: validators may depend on scoped services (a repository checking uniqueness).
        var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<T>>();
        if (context.Arguments.OfType<T>().FirstOrDefault() is { } argument)
        {
            var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
            if (!result.IsValid)
            {
                var errors = result.Errors
                    .GroupBy(e => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
                throw new ValidationError("request.validation", "The request is not valid; see errors.", errors);
            }
        }

        return await next(context);
    }
}

/// <summary>Adds request validation to a route.</summary>
public static class ValidationFilterExtensions
{
    /// <summary>Validates the route's <typeparamref name="T"/> argument with its registered validator.</summary>
    public static RouteHandlerBuilder WithValidation<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}

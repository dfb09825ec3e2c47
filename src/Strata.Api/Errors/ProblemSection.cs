namespace Strata.Api.Errors;

/// <summary>A section of the error page and its codes.</summary>
internal sealed record ProblemSection(string Title, IReadOnlyList<ProblemCode> Codes);

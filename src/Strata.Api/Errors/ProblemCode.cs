namespace Strata.Api.Errors;

/// <summary>One error code: its status, what it means and what raises it (Markdown, as the page writes them).</summary>
internal sealed record ProblemCode(string Code, int Status, string Meaning, string RaisedBy);

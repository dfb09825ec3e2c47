using Strata.Api.Errors;

namespace Strata.Api.Tests.Errors;

/// <summary>The problem pages' catalog, read from the code tables of docs/errors.md.</summary>
public sealed class ProblemCatalogTests
{
    private const string Page = """
        # Error codes

        | code | status | meaning | raised by |
        | --- | --- | --- | --- |
        | `before.heading` | 400 | a row before any section | nobody |

        ## Request

        | code | status | meaning | raised by |
        | --- | --- | --- | --- |
        | `request.validation` | 400 | the body breaks a rule; `errors` names each field | the validation filter |
        | `request.too_large` | 413 | the body is over [the limit](configuration.md) | the framework |

        ## Renamed codes

        | before | now |
        | --- | --- |
        | `workspace.not_found` | `workspaces.not_found` |
        """;

    [Fact]
    public void Codes_are_read_under_their_section_in_the_page_order()
    {
        var catalog = ProblemCatalog.Parse(Page);

        var section = Assert.Single(catalog.Sections);
        Assert.Equal("Request", section.Title);
        Assert.Equal(["request.validation", "request.too_large"], section.Codes.Select(code => code.Code));
        Assert.Equal(413, catalog.Codes["request.too_large"].Status);
        Assert.Equal("the body is over [the limit](configuration.md)", catalog.Codes["request.too_large"].Meaning);
    }

    [Fact]
    public void Rows_of_other_tables_are_not_codes()
    {
        var catalog = ProblemCatalog.Parse(Page);

        Assert.False(catalog.Codes.ContainsKey("workspace.not_found"));
        Assert.False(catalog.Codes.ContainsKey("before.heading"));
    }

    [Fact]
    public void The_embedded_page_is_the_repository_one()
    {
        var embedded = ProblemCatalog.Load();
        var repository = ProblemCatalog.Parse(File.ReadAllText(Path.Combine(Documentation.RepositoryFiles.Root, "docs/errors.md")));

        Assert.Equal(repository.Codes.Keys.Order(StringComparer.Ordinal), embedded.Codes.Keys.Order(StringComparer.Ordinal));
    }
}

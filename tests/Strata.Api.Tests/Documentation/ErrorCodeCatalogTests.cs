using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Strata.Api.Tests.Documentation;

/// <summary>
/// docs/errors.md lists every error code Strata can answer, and every code follows one scheme, <c>&lt;area&gt;.&lt;problem&gt;</c>.
/// The codes are read from src/, not listed here: the first argument of every error construction (<c>new ConflictError("…"</c>,
/// <c>new("…"</c>, <c>: StrataError("…"</c>), <c>…Code</c> constants, problem <c>["code"]</c> extensions, the arms of
/// <c>…Code</c> switch methods (the status defaults), arguments passed to a <c>code</c> parameter (found by reflection),
/// <c>NotFoundError.For("resource", …)</c>, and the not-found code of every repository whose lookups are called.
/// </summary>
public sealed partial class ErrorCodeCatalogTests
{
    private const string Page = "docs/errors.md";

    [Fact]
    public void Every_error_code_thrown_in_src_is_listed_on_the_errors_page()
    {
        var page = RepositoryFiles.ReadPage(Page);

        var missing = Scan().Codes
            .Where(found => !page.Contains($"`{found.Code}`", StringComparison.Ordinal))
            .Select(found => $"{found.Code} ({found.Where})")
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, $"Codes missing from {Page}:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_error_code_thrown_in_src_has_a_problem_page()
    {
        var pages = Strata.Api.Errors.ProblemCatalog.Load().Codes;

        var missing = Scan().Codes.Select(found => found.Code).Where(code => !pages.ContainsKey(code)).Distinct(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Codes without a /problems page (a row of a code table in docs/errors.md):\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_error_code_follows_the_area_dot_problem_scheme()
    {
        var offending = Scan().Codes
            .Where(found => !Scheme().IsMatch(found.Code))
            .Select(found => $"{found.Code} ({found.Where})")
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.True(offending.Count == 0, "Codes that are not <area>.<problem> (lower case, one dot, words joined by _):\n" + string.Join('\n', offending));
    }

    [Fact]
    public void Every_repository_lookup_resolves_to_its_repository()
    {
        var unresolved = Scan().UnresolvedLookups;

        Assert.True(unresolved.Count == 0, "Lookups whose repository the scan cannot tell (name the field's type XRepository):\n" + string.Join('\n', unresolved));
    }

    [Fact]
    public void The_scan_reads_every_kind_of_code_source()
    {
        var codes = Scan().Codes.Select(found => found.Code).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("auth.email_taken", codes);                  // new("…") returned as a ConflictError
        Assert.Contains("auth.wrong_password", codes);               // new ValidationError("…", …)
        Assert.Contains("database.error", codes);                    // : StrataError("…", …)
        Assert.Contains("database.unavailable", codes);              // a …Code constant
        Assert.Contains("auth.rate_limited", codes);                 // a problem's ["code"] extension
        Assert.Contains("request.method_not_allowed", codes);        // an arm of the status defaults
        Assert.Contains("workspaces.invalid_metadata", codes);       // an argument to a code parameter
        Assert.Contains("passkey.not_found", codes);                 // NotFoundError.For("passkey", …)
        Assert.Contains("workspaces.invitation_not_found", codes);   // NotFoundError.For(…, …, XRepository.…Code)
        Assert.Contains("manufacturer.not_found", codes);            // a repository's default not-found code
        Assert.Contains("auth.role_not_found", codes);               // a repository's own not-found code
    }

    [Fact]
    public void The_scheme_accepts_area_dot_problem_only()
    {
        Assert.Matches(Scheme(), "auth.invalid_credentials");
        Assert.Matches(Scheme(), "vin_prefix.not_found");
        Assert.DoesNotMatch(Scheme(), "Auth.InvalidCredentials");
        Assert.DoesNotMatch(Scheme(), "workspaces.members.not_found");
        Assert.DoesNotMatch(Scheme(), "not_found");
    }

    private static ScanResult Scan()
    {
        var files = RepositoryFiles.SourceFiles().Select(path => (Path: path, Text: File.ReadAllText(path))).ToList();
        var constants = files
            .SelectMany(file => StringConstant().Matches(file.Text))
            .GroupBy(match => match.Groups["name"].Value, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().Groups["value"].Value, StringComparer.Ordinal);
        var codeParameters = CodeParameters();
        var codes = new List<FoundCode>();
        var unresolved = new List<string>();

        foreach (var (path, text) in files)
        {
            var where = Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/');
            void Add(string? code, int index)
            {
                if (code is not null)
                {
                    codes.Add(new FoundCode(code, $"{where}:{LineOf(text, index)}"));
                }
            }

            foreach (Match construction in ErrorConstruction().Matches(text))
            {
                var arguments = CSharpCalls.Arguments(text, construction.Index + construction.Length - 1);
                var code = arguments.Count > 0 ? Resolve(arguments[0], constants) : null;
                if (construction.Groups["type"].Success || (code is not null && DottedWord().IsMatch(code)))
                {
                    Add(code, construction.Index);
                }
            }

            foreach (Match constant in CodeConstant().Matches(text))
            {
                Add(constant.Groups["value"].Value, constant.Index);
            }

            foreach (Match extension in CodeExtension().Matches(text))
            {
                Add(Resolve(extension.Groups["value"].Value.Trim(), constants), extension.Index);
            }

            foreach (Match method in CodeSwitch().Matches(text))
            {
                foreach (var arm in CSharpCalls.Arguments(text, method.Index + method.Length - 1))
                {
                    var arrow = arm.LastIndexOf("=>", StringComparison.Ordinal);
                    Add(arrow < 0 ? null : Resolve(arm[(arrow + 2)..].Trim(), constants), method.Index);
                }
            }

            foreach (var (type, name, position) in codeParameters)
            {
                var declaresType = Regex.IsMatch(text, $@"\b(class|record|struct)\s+{Regex.Escape(type)}\b");
                var call = new Regex(declaresType ? $@"(?<![\w.])(?:{Regex.Escape(type)}\.)?{Regex.Escape(name)}\s*\(" : $@"\b{Regex.Escape(type)}\.{Regex.Escape(name)}\s*\(");
                foreach (Match match in call.Matches(text))
                {
                    var arguments = CSharpCalls.Arguments(text, match.Index + match.Length - 1);
                    Add(arguments.Count > position ? Resolve(arguments[position], constants) : null, match.Index);
                }
            }

            foreach (Match lookup in NotFoundForResource().Matches(text))
            {
                var arguments = CSharpCalls.Arguments(text, lookup.Index + lookup.Length - 1);
                if (arguments.Count == 2 && CSharpCalls.LiteralValue(arguments[0]) is { } resource)
                {
                    Add($"{resource}.not_found", lookup.Index);
                }
            }

            foreach (Match lookup in RepositoryLookup().Matches(text))
            {
                var receiver = lookup.Groups["receiver"].Value;
                var declaration = Regex.Match(text, $@"\b(?<type>\w+Repository)\s+{Regex.Escape(receiver)}\b");
                if (declaration.Success && NotFoundCodeOf(declaration.Groups["type"].Value) is { } code)
                {
                    Add(code, lookup.Index);
                }
                else if (receiver is not ("this" or "base"))
                {
                    unresolved.Add($"{where}:{LineOf(text, lookup.Index)}: {lookup.Value}");
                }
            }
        }

        return new ScanResult(codes, unresolved);
    }

    // A literal, or a constant named by itself or through its type (TextInput.InvalidTextCode); anything else is a
    // value only known at run time and is not a code the scan can read.
    private static string? Resolve(string expression, Dictionary<string, string> constants) =>
        CSharpCalls.LiteralValue(expression)
        ?? (Identifier().IsMatch(expression) && constants.TryGetValue(expression[(expression.LastIndexOf('.') + 1)..], out var value) ? value : null);

    /// <summary>Methods of the Strata assemblies with a string parameter named <c>code</c>: type, name and position.</summary>
    private static IReadOnlyList<(string Type, string Name, int Position)> CodeParameters() =>
        [.. RepositoryFiles.StrataAssemblies().SelectMany(RepositoryFiles.LoadableTypes)
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(method => !method.IsSpecialName && !method.Name.Contains('<', StringComparison.Ordinal))
                .SelectMany(method => method.GetParameters()
                    .Where(parameter => parameter.Name == "code" && parameter.ParameterType == typeof(string))
                    .Select(parameter => (Type: TypeName(type), method.Name, parameter.Position))))
            .Distinct()];

    private static string TypeName(Type type) => type.Name.Split('`')[0];

    /// <summary>The not-found code of the repository named <paramref name="typeName"/>, read from its <c>NotFoundCode</c>.</summary>
    private static string? NotFoundCodeOf(string typeName)
    {
        var repository = RepositoryFiles.StrataAssemblies().SelectMany(RepositoryFiles.LoadableTypes)
            .FirstOrDefault(type => type.Name == typeName && !type.IsAbstract);
        var property = repository?.GetProperty("NotFoundCode", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
        return repository is null || property is null
            ? null
            : (string?)property.GetValue(RuntimeHelpers.GetUninitializedObject(repository));
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    [GeneratedRegex(@"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*\.[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^[a-z_]+\.[a-z_.]+$")]
    private static partial Regex DottedWord();

    [GeneratedRegex(@"^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"(?:\bnew\s+(?<type>\w+Error)|:\s*(?<type>\w+Error)|\bnew)\s*\(")]
    private static partial Regex ErrorConstruction();

    [GeneratedRegex(@"\bconst\s+string\s+(?<name>\w+)\s*=\s*""(?<value>[^""\\]*)""")]
    private static partial Regex StringConstant();

    [GeneratedRegex(@"\bconst\s+string\s+\w*Code\s*=\s*""(?<value>[^""\\]*)""")]
    private static partial Regex CodeConstant();

    [GeneratedRegex(@"\[""code""\]\s*=\s*(?<value>[^,;}\r\n]+)")]
    private static partial Regex CodeExtension();

    [GeneratedRegex(@"\bstring\s+\w*Code\w*\s*\([^)]*\)\s*=>\s*[\w.?]+\s+switch\s*\{")]
    private static partial Regex CodeSwitch();

    [GeneratedRegex(@"\bNotFoundError\.For\s*\(")]
    private static partial Regex NotFoundForResource();

    [GeneratedRegex(@"\b(?<receiver>\w+)\.(?:GetByPublicIdAsync|GetForUpdateAsync|RestoreAsync)\s*\(")]
    private static partial Regex RepositoryLookup();

    private sealed record FoundCode(string Code, string Where);

    private sealed record ScanResult(IReadOnlyList<FoundCode> Codes, IReadOnlyList<string> UnresolvedLookups);
}

using System.Collections;
using System.Reflection;

namespace Strata.Api.Tests.Documentation;

/// <summary>
/// docs/configuration.md names every setting Strata binds. The settings are read from the code, not listed here: every
/// options class of the Strata assemblies (a class with a <c>SectionName</c> constant) gives <c>Section:Property</c>
/// keys for its bindable properties, nested objects and list elements (written <c>:N</c>), and its
/// <c>…ConnectionStringName</c> constants give <c>ConnectionStrings:Name</c>.
/// </summary>
public sealed class ConfigurationPageTests
{
    private const string Page = "docs/configuration.md";

    [Fact]
    public void Every_bound_setting_is_documented_on_the_configuration_page()
    {
        var page = RepositoryFiles.ReadPage(Page);

        var missing = BoundSettings().Where(key => !page.Contains($"`{key}`", StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, $"Settings missing from {Page}:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void The_settings_are_read_from_every_options_class()
    {
        var sections = OptionsTypes().Select(SectionOf).ToList();

        Assert.Contains("Strata:Database", sections);
        Assert.All(OptionsTypes(), type => Assert.NotEmpty(SettingsOf(type, SectionOf(type))));
    }

    [Fact]
    public void Nested_objects_and_lists_become_indexed_keys()
    {
        Assert.Equal(
            ["S:Name", "S:Limit", "S:Window", "S:Hosts:N", "S:Inner:Path", "S:Items:N:Path"],
            SettingsOf(new SampleOptions().GetType(), "S"));
    }

    /// <summary>Every key Strata binds, connection strings included.</summary>
    private static IReadOnlyList<string> BoundSettings() =>
        [.. OptionsTypes().SelectMany(type => SettingsOf(type, SectionOf(type)).Concat(ConnectionStringsOf(type))).Distinct(StringComparer.Ordinal)];

    private static IReadOnlyList<Type> OptionsTypes() =>
        [.. RepositoryFiles.StrataAssemblies().SelectMany(RepositoryFiles.LoadableTypes)
            .Where(type => type.IsClass && SectionField(type) is not null)];

    private static FieldInfo? SectionField(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.FieldType == typeof(string) ? field : null;

    private static string SectionOf(Type type) => (string)SectionField(type)!.GetRawConstantValue()!;

    private static IEnumerable<string> ConnectionStringsOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.Name.EndsWith("ConnectionStringName", StringComparison.Ordinal))
            .Select(field => $"ConnectionStrings:{field.GetRawConstantValue()}");

    /// <summary>
    /// The keys the configuration binder fills in <paramref name="type"/>: public properties with a setter, and
    /// get-only ones holding an object or a list (the binder fills those in place); computed values are left out.
    /// </summary>
    private static List<string> SettingsOf(Type type, string prefix)
    {
        var keys = new List<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var key = $"{prefix}:{property.Name}";
            var settable = property.SetMethod is { IsPublic: true };
            if (IsScalar(property.PropertyType))
            {
                if (settable)
                {
                    keys.Add(key);
                }
            }
            else if (ElementType(property.PropertyType) is { } element)
            {
                keys.AddRange(IsStrataType(element) && !element.IsEnum ? SettingsOf(element, $"{key}:N") : [$"{key}:N"]);
            }
            else if (IsStrataType(property.PropertyType))
            {
                keys.AddRange(SettingsOf(property.PropertyType, key));
            }
            else if (settable)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    // Settings objects are Strata's own; a framework type is bound as one value and never walked into.
    private static bool IsStrataType(Type type) => type.Assembly.GetName().Name?.StartsWith("Strata", StringComparison.Ordinal) == true;

    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(TimeSpan) || underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset)
            || underlying == typeof(Guid) || underlying == typeof(Uri);
    }

    private static Type? ElementType(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private sealed class SampleOptions
    {
        public string? Name { get; set; }

        public int Limit { get; set; }

        public TimeSpan? Window { get; set; }

        public string Computed => Name ?? string.Empty;

        public IList<string> Hosts { get; } = [];

        public SampleSettings Inner { get; set; } = new();

        public IList<SampleSettings> Items { get; } = [];
    }

    private sealed class SampleSettings
    {
        public string? Path { get; set; }
    }
}

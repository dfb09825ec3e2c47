using System.Text.Json;
using Strata.Data.Conventions;

namespace Strata.Data.Tests.Conventions;

public sealed class TextInputTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("tab\tline\nreturn\r")]
    [InlineData("emoji \U0001F697 pairs")]
    [InlineData("")]
    public void Ordinary_text_passes(string text)
    {
        Assert.Null(TextInput.Problem(text));
    }

    [Theory]
    [InlineData("a\u0000b", "U+0000")]
    [InlineData("bell\u0007", "U+0007")]
    [InlineData("\u007f", "U+007F")]
    [InlineData("c1 \u0085", "U+0085")]
    public void Control_characters_are_refused(string text, string named)
    {
        Assert.Contains(named, TextInput.Problem(text), StringComparison.Ordinal);
    }

    // Built at run time: attribute arguments are stored as UTF-8, which turns a lone surrogate into U+FFFD.
    [Theory]
    [InlineData("a", 0xD800, "b")]
    [InlineData("", 0xDC00, "")]
    [InlineData("pair then lone \U0001F697", 0xDBFF, "")]
    public void Lone_surrogates_are_refused(string before, int codeUnit, string after)
    {
        Assert.Contains("surrogate", TextInput.Problem($"{before}{(char)codeUnit}{after}"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_escaped_lone_surrogate_deep_in_json_is_found_with_its_path()
    {
        using var json = JsonDocument.Parse("""{"a":[1,{"note":"x\ud800"}]}""");

        Assert.Equal("metadata.a[1].note", TextInput.Problem(json.RootElement, "metadata")?.Path);
    }

    [Fact]
    public void A_control_character_in_a_json_property_name_is_found()
    {
        using var json = JsonDocument.Parse("""{"ok":{"bad\u0001":1}}""");

        Assert.Equal("metadata.ok", TextInput.Problem(json.RootElement, "metadata")?.Path);
    }

    [Fact]
    public void A_json_object_that_breaks_the_rule_is_not_accepted_for_storage()
    {
        using var json = JsonDocument.Parse("""{"note":"a\u0000b"}""");

        var error = Assert.Throws<Strata.Data.Errors.ValidationError>(() => JsonObjectText.From(json.RootElement, "widgets.invalid_metadata", "metadata"));

        Assert.Equal(TextInput.InvalidTextCode, error.Code);
        Assert.True(error.Errors.ContainsKey("metadata.note"));
    }
}

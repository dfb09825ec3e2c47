using Strata.Data.Conventions;

namespace Strata.Data.Tests.Conventions;

public sealed class TextNormalizationTests
{
    [Fact]
    public void Composed_and_decomposed_accents_normalise_alike()
    {
        Assert.Equal(TextNormalization.Normalize("J\u00FCrgen@example.com"), TextNormalization.Normalize("Ju\u0308rgen@EXAMPLE.com"));
    }

    [Fact]
    public void Compatibility_characters_fold_to_their_plain_letters()
    {
        Assert.Equal(TextNormalization.Normalize("FILE"), TextNormalization.Normalize(" \uFB01le "));
    }
}

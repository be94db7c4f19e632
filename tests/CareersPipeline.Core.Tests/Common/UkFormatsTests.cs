namespace CareersPipeline.Core.Tests.Common;

public sealed class UkFormatsTests
{
    // ---- Postcodes ----

    [Theory]
    [InlineData("ST4 6QG", "ST4 6QG")]
    [InlineData(" st46qg ", "ST4 6QG")]
    [InlineData("S T 4 6 Q G", "ST4 6QG")]
    [InlineData("st4\t6qg", "ST4 6QG")]
    [InlineData("st4\u00A06qg", "ST4 6QG")]
    [InlineData("m11ae", "M1 1AE")]
    [InlineData("M60 1NW", "M60 1NW")]
    [InlineData("cr26xh", "CR2 6XH")]
    [InlineData("dn551pt", "DN55 1PT")]
    [InlineData("w1a 0ax", "W1A 0AX")]
    [InlineData("ec1a1bb", "EC1A 1BB")]
    [InlineData("sw1a1aa", "SW1A 1AA")]
    [InlineData("GIR 0AA", "GIR 0AA")]
    public void NormalisePostcode_UkPostcode_ReturnsUpperCaseWithOneSpaceBeforeInwardCode(string input, string expected)
    {
        Assert.Equal(expected, UkFormats.NormalisePostcode(input));
    }

    [Theory]
    [InlineData("ST4 6QG")]
    [InlineData("SW1A 1AA")]
    [InlineData("DE14 1AA")]
    public void NormalisePostcode_AlreadyNormalised_IsUnchanged(string postcode)
    {
        var once = UkFormats.NormalisePostcode(postcode)!;

        Assert.Equal(postcode, once);
        Assert.Equal(once, UkFormats.NormalisePostcode(once));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ST4")]
    [InlineData("6QG")]
    [InlineData("ST46Q")]
    [InlineData("ST4 6QGG")]
    [InlineData("ST4-6QG")]
    [InlineData("ST4.6QG")]
    [InlineData("QT4 6QG")] // Q is never the first letter
    [InlineData("VT4 6QG")] // nor V
    [InlineData("XT4 6QG")] // nor X
    [InlineData("SI4 6QG")] // I is never the second letter
    [InlineData("SJ4 6QG")] // nor J
    [InlineData("SZ4 6QG")] // nor Z
    [InlineData("ST4 6CG")] // the inward code never uses C, I, K, M, O or V
    [InlineData("ST4 6QI")]
    [InlineData("ST4 6KG")]
    [InlineData("ST4 6QM")]
    [InlineData("ST4 6OG")]
    [InlineData("ST4 6QV")]
    [InlineData("ST4 QQG")]
    [InlineData("ST123 4AB")]
    [InlineData("12345")]
    [InlineData("K1A 0B1")]
    [InlineData("ＳＴ４ ６ＱＧ")]
    [InlineData("ST٤ ٦QG")]
    public void NormalisePostcode_NotAUkPostcode_ReturnsNull(string input)
    {
        Assert.Null(UkFormats.NormalisePostcode(input));
    }

    // ---- Phones ----

    [Theory]
    [InlineData("07700 900123", "+447700900123")]
    [InlineData("07700900123", "+447700900123")]
    [InlineData("07700-900-123", "+447700900123")]
    [InlineData("07700.900.123", "+447700900123")]
    [InlineData(" 07700\t900123 ", "+447700900123")]
    [InlineData("+44 7700 900123", "+447700900123")]
    [InlineData("+44 (0)7700-900123", "+447700900123")]
    [InlineData("+44(0)7700900123", "+447700900123")]
    [InlineData("0044 7700 900123", "+447700900123")]
    [InlineData("01782 123456", "+441782123456")]
    [InlineData("+44 (0)1782 123456", "+441782123456")]
    [InlineData("0044 1782 123456", "+441782123456")]
    [InlineData("016977 3456", "+44169773456")]
    [InlineData("020 7946 0958", "+442079460958")]
    [InlineData("0300 123 4567", "+443001234567")]
    [InlineData("0800 123 4567", "+448001234567")]
    [InlineData("0800 123456", "+44800123456")]
    [InlineData("0808 157 0000", "+448081570000")]
    public void NormalisePhone_UkNumber_ReturnsInternationalFormWithoutSeparators(string input, string expected)
    {
        Assert.Equal(expected, UkFormats.NormalisePhone(input));
    }

    [Theory]
    [InlineData("+447700900123")]
    [InlineData("+441782123456")]
    public void NormalisePhone_AlreadyNormalised_IsUnchanged(string phone)
    {
        Assert.Equal(phone, UkFormats.NormalisePhone(phone));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("+44")]
    [InlineData("0044")]
    [InlineData("7700900123")] // no trunk or country prefix
    [InlineData("447700900123")] // country code without + or 00
    [InlineData("07700 90012")] // mobile one digit short
    [InlineData("07700 9001234")] // mobile one digit long
    [InlineData("01782 1234")] // geographic too short
    [InlineData("01782 1234567")] // geographic too long
    [InlineData("0400 123 4567")] // 04 is unused
    [InlineData("05000 123456")] // 05 is not accepted
    [InlineData("06000 123456")]
    [InlineData("0900 123 4567")] // premium rate is not accepted
    [InlineData("0845 123 4567")] // 08 other than 0800/0808
    [InlineData("0870 123 4567")]
    [InlineData("+1 202 555 0123")]
    [InlineData("001 202 555 0123")]
    [InlineData("+353 1 234 5678")]
    [InlineData("07700 9OO123")] // letter O for zero
    [InlineData("07700/900123")]
    [InlineData("07700_900123")]
    public void NormalisePhone_NotAUkNumber_ReturnsNull(string input)
    {
        Assert.Null(UkFormats.NormalisePhone(input));
    }

    [Theory]
    [InlineData("07\u0667\u0660\u0660\u0669\u0660\u0660\u0661\u0662\u0663")] // Arabic-Indic digits after "07" (9 of them)
    [InlineData("07\uFF17\uFF10\uFF10\uFF19\uFF10\uFF10\uFF11\uFF12\uFF13")] // full-width digits after "07" (9 of them)
    public void NormalisePhone_NonAsciiDigits_ReturnsNullOrAsciiDigits(string input)
    {
        var normalised = UkFormats.NormalisePhone(input);

        Assert.True(normalised is null || normalised.Skip(1).All(char.IsAsciiDigit), $"Stored '{normalised}'.");
    }
}

using System.Buffers.Text;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CareersPipeline.Core.Tests.Common;

public sealed class SignedTokensTests
{
    private const string Key = "unit-test-signing-key-0123456789";
    private const string Purpose = "verify-email";
    private const string Subject = "a0123456789abcdef01234567";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 12, 9, 30, 0, TimeSpan.Zero));

    private SignedTokens CreateSut(string key = Key) => new(Options.Create(new SigningOptions { Key = key }), _time);

    [Fact]
    public void Read_TokenJustCreated_IsValidForItsSubject()
    {
        var sut = CreateSut();

        var check = sut.Read(Purpose, sut.Create(Purpose, Subject, Lifetime));

        Assert.Equal(TokenCheck.Valid(Subject), check);
        Assert.Equal(TokenState.Valid, check.State);
        Assert.Equal(Subject, check.Subject);
    }

    [Fact]
    public void Read_TokenFromAnotherInstanceWithTheSameKey_IsValid()
    {
        var token = CreateSut().Create(Purpose, Subject, Lifetime);

        Assert.Equal(TokenCheck.Valid(Subject), CreateSut().Read(Purpose, token));
    }

    [Theory]
    [InlineData("a0123456789abcdef01234567")]
    [InlineData("someone@example.org")]
    [InlineData("Олена / 123 ? & = #")]
    [InlineData("")]
    public void Read_AnySubjectWithoutTheSeparator_RoundTrips(string subject)
    {
        var sut = CreateSut();

        Assert.Equal(TokenCheck.Valid(subject), sut.Read(Purpose, sut.Create(Purpose, subject, Lifetime)));
    }

    [Fact]
    public void Create_Token_IsUrlSafeWithoutEscaping()
    {
        var token = CreateSut().Create(Purpose, "subject with spaces & symbols/+=", Lifetime);

        Assert.All(token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.', $"'{c}' is not URL-safe"));
        Assert.Equal(token, Uri.EscapeDataString(token));
    }

    [Theory]
    [InlineData("guardian-consent")]
    [InlineData("privacy")]
    [InlineData("VERIFY-EMAIL")]
    [InlineData("verify-email ")]
    [InlineData("")]
    public void Read_WithAnotherPurpose_IsInvalid(string otherPurpose)
    {
        var sut = CreateSut();

        var check = sut.Read(otherPurpose, sut.Create(Purpose, Subject, Lifetime));

        Assert.Equal(TokenState.Invalid, check.State);
        Assert.Null(check.Subject);
    }

    [Fact]
    public void Read_PayloadChangedToAnotherSubject_IsInvalid()
    {
        var sut = CreateSut();
        var token = sut.Create(Purpose, Subject, Lifetime);
        var (payloadPart, signaturePart) = Split(token);
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(payloadPart));
        var forged = payload.Replace(Subject, "a" + new string('f', 24), StringComparison.Ordinal);
        Assert.NotEqual(payload, forged);

        var check = sut.Read(Purpose, Base64Url.EncodeToString(Encoding.UTF8.GetBytes(forged)) + "." + signaturePart);

        Assert.Equal(TokenCheck.Invalid, check);
    }

    [Fact]
    public void Read_PayloadWithLaterExpiry_IsInvalid()
    {
        var sut = CreateSut();
        var (payloadPart, signaturePart) = Split(sut.Create(Purpose, Subject, Lifetime));
        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(payloadPart)).Split('|');
        var extended = $"{parts[0]}|{parts[1]}|{long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) + 3_600_000}";

        var check = sut.Read(Purpose, Base64Url.EncodeToString(Encoding.UTF8.GetBytes(extended)) + "." + signaturePart);

        Assert.Equal(TokenCheck.Invalid, check);
    }

    [Fact]
    public void Read_SignatureChanged_IsInvalid()
    {
        var sut = CreateSut();
        var (payloadPart, signaturePart) = Split(sut.Create(Purpose, Subject, Lifetime));
        var signature = Base64Url.DecodeFromChars(signaturePart);
        signature[0] ^= 0x01;

        var check = sut.Read(Purpose, payloadPart + "." + Base64Url.EncodeToString(signature));

        Assert.Equal(TokenCheck.Invalid, check);
    }

    [Fact]
    public void Read_SignatureOfAnotherToken_IsInvalid()
    {
        var sut = CreateSut();
        var (payloadPart, _) = Split(sut.Create(Purpose, Subject, Lifetime));
        var (_, otherSignature) = Split(sut.Create(Purpose, "a" + new string('e', 24), Lifetime));

        Assert.Equal(TokenCheck.Invalid, sut.Read(Purpose, payloadPart + "." + otherSignature));
    }

    [Fact]
    public void Read_SignatureTruncated_IsInvalid()
    {
        var sut = CreateSut();
        var (payloadPart, signaturePart) = Split(sut.Create(Purpose, Subject, Lifetime));

        Assert.Equal(TokenCheck.Invalid, sut.Read(Purpose, payloadPart + "." + signaturePart[..^4]));
        Assert.Equal(TokenCheck.Invalid, sut.Read(Purpose, payloadPart + "."));
        Assert.Equal(TokenCheck.Invalid, sut.Read(Purpose, payloadPart));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("abc")]
    [InlineData("abc.def")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???")]
    [InlineData("%%%%.%%%%")]
    [InlineData("====.====")]
    [InlineData("é.é")]
    [InlineData("dmVyaWZ5LWVtYWlsfGF8MQ.")]
    [InlineData("\0.\0")]
    public void Read_Garbage_IsInvalidWithoutThrowing(string? token)
    {
        var check = CreateSut().Read(Purpose, token);

        Assert.Equal(TokenCheck.Invalid, check);
    }

    [Fact]
    public void Read_SignedPayloadWithWrongShape_IsInvalid()
    {
        // Correctly signed with the key, but not "{purpose}|{subject}|{expires}": only a forger with the key could make these.
        var sut = CreateSut();
        foreach (var payload in new[] { "verify-email|a1", "verify-email|a1|b|999999999999", "verify-email|a1|never" })
        {
            var bytes = Encoding.UTF8.GetBytes(payload);
            var signature = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), bytes);
            var token = Base64Url.EncodeToString(bytes) + "." + Base64Url.EncodeToString(signature);

            Assert.Equal(TokenCheck.Invalid, sut.Read(Purpose, token));
        }
    }

    [Fact]
    public void Read_JustBeforeTheLifetimeEnds_IsValid()
    {
        var sut = CreateSut();
        var token = sut.Create(Purpose, Subject, Lifetime);

        _time.Advance(Lifetime - TimeSpan.FromSeconds(1));

        Assert.Equal(TokenCheck.Valid(Subject), sut.Read(Purpose, token));
    }

    [Fact]
    public void Read_AfterTheLifetime_IsExpiredAndStillNamesTheSubject()
    {
        var sut = CreateSut();
        var token = sut.Create(Purpose, Subject, Lifetime);

        _time.Advance(Lifetime + TimeSpan.FromSeconds(1));

        var check = sut.Read(Purpose, token);
        Assert.Equal(TokenState.Expired, check.State);
        Assert.Equal(Subject, check.Subject);
        Assert.Equal(TokenCheck.Expired(Subject), check);
    }

    [Fact]
    public void Read_ExpiredTokenWithWrongPurpose_IsInvalidNotExpired()
    {
        var sut = CreateSut();
        var token = sut.Create(Purpose, Subject, Lifetime);

        _time.Advance(Lifetime * 2);

        Assert.Equal(TokenCheck.Invalid, sut.Read("guardian-consent", token));
    }

    [Fact]
    public void Read_TokenSignedWithAnotherKey_IsInvalid()
    {
        var token = CreateSut("another-key").Create(Purpose, Subject, Lifetime);

        Assert.Equal(TokenCheck.Invalid, CreateSut().Read(Purpose, token));
    }

    [Fact]
    public void KeyedHash_SameKeyAndValue_IsStableAcrossInstances()
    {
        Assert.Equal(CreateSut().KeyedHash("amelia@example.org"), CreateSut().KeyedHash("amelia@example.org"));
    }

    [Fact]
    public void KeyedHash_DependsOnKeyAndValue()
    {
        var hash = CreateSut().KeyedHash("amelia@example.org");

        Assert.NotEqual(hash, CreateSut("another-key").KeyedHash("amelia@example.org"));
        Assert.NotEqual(hash, CreateSut().KeyedHash("amelia@example.org "));
        Assert.NotEqual(hash, CreateSut().KeyedHash("Amelia@example.org"));
    }

    [Fact]
    public void KeyedHash_DoesNotDependOnTheClock()
    {
        var sut = CreateSut();
        var before = sut.KeyedHash("amelia@example.org");

        _time.Advance(TimeSpan.FromDays(400));

        Assert.Equal(before, sut.KeyedHash("amelia@example.org"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(16)]
    [InlineData(32)]
    public void KeyedHash_IsLowerCaseHexOfTheRequestedBytes(int bytes)
    {
        var hash = CreateSut().KeyedHash("value", bytes);

        Assert.Equal(bytes * 2, hash.Length);
        Assert.All(hash, c => Assert.True(char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c), $"'{c}' is not lower-case hex"));
    }

    [Fact]
    public void KeyedHash_ShorterIsAPrefixOfLonger()
    {
        var sut = CreateSut();

        Assert.StartsWith(sut.KeyedHash("value", 12), sut.KeyedHash("value", 16), StringComparison.Ordinal);
        Assert.Equal(sut.KeyedHash("value"), sut.KeyedHash("value", 12));
    }

    private static (string Payload, string Signature) Split(string token)
    {
        var parts = token.Split('.');
        Assert.Equal(2, parts.Length);
        return (parts[0], parts[1]);
    }
}

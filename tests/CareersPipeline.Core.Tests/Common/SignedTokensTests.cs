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

        var check = sut.Read(Purpose, CreateSut().CurrentKeyId + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(forged)) + "." + signaturePart);

        Assert.Equal(TokenCheck.Invalid, check);
    }

    [Fact]
    public void Read_PayloadWithLaterExpiry_IsInvalid()
    {
        var sut = CreateSut();
        var (payloadPart, signaturePart) = Split(sut.Create(Purpose, Subject, Lifetime));
        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(payloadPart)).Split('|');
        var extended = $"{parts[0]}|{parts[1]}|{long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) + 3_600_000}";

        var check = sut.Read(Purpose, CreateSut().CurrentKeyId + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(extended)) + "." + signaturePart);

        Assert.Equal(TokenCheck.Invalid, check);
    }

    [Fact]
    public void Read_SignatureChanged_IsInvalid()
    {
        var sut = CreateSut();
        var (payloadPart, signaturePart) = Split(sut.Create(Purpose, Subject, Lifetime));
        var signature = Base64Url.DecodeFromChars(signaturePart);
        signature[0] ^= 0x01;

        var check = sut.Read(Purpose, CreateSut().CurrentKeyId + "." + payloadPart + "." + Base64Url.EncodeToString(signature));

        Assert.Equal(TokenCheck.Invalid, check);
    }

    [Fact]
    public void Read_SignatureOfAnotherToken_IsInvalid()
    {
        var sut = CreateSut();
        var (payloadPart, _) = Split(sut.Create(Purpose, Subject, Lifetime));
        var (_, otherSignature) = Split(sut.Create(Purpose, "a" + new string('e', 24), Lifetime));

        Assert.Equal(TokenCheck.Invalid, sut.Read(Purpose, CreateSut().CurrentKeyId + "." + payloadPart + "." + otherSignature));
    }

    [Fact]
    public void Read_SignatureTruncated_IsInvalid()
    {
        var sut = CreateSut();
        var (payloadPart, signaturePart) = Split(sut.Create(Purpose, Subject, Lifetime));

        Assert.Equal(TokenCheck.Invalid, sut.Read(Purpose, CreateSut().CurrentKeyId + "." + payloadPart + "." + signaturePart[..^4]));
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
            var signature = System.Security.Cryptography.HMACSHA256.HashData(DerivedKey(Key), bytes);
            var token = CreateSut().CurrentKeyId + "." + Base64Url.EncodeToString(bytes) + "." + Base64Url.EncodeToString(signature);

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
    public void Read_TokenSignedWithAPreviousKey_IsValidAfterRotation()
    {
        var old = CreateSut("the-key-before-rotation").Create(Purpose, Subject, Lifetime);
        var rotated = new SignedTokens(Options.Create(new SigningOptions { Key = Key, PreviousKeys = " another-old-key , the-key-before-rotation" }), _time);

        Assert.Equal(TokenCheck.Valid(Subject), rotated.Read(Purpose, old));
        Assert.Equal(TokenCheck.Valid(Subject), rotated.Read(Purpose, rotated.Create(Purpose, Subject, Lifetime)));
    }

    [Fact]
    public void Create_AfterRotation_SignsWithTheCurrentKeyOnly()
    {
        var rotated = new SignedTokens(Options.Create(new SigningOptions { Key = Key, PreviousKeys = "the-key-before-rotation" }), _time);

        var token = rotated.Create(Purpose, Subject, Lifetime);

        Assert.StartsWith(CreateSut().CurrentKeyId + ".", token, StringComparison.Ordinal);
        Assert.Equal(TokenCheck.Invalid, CreateSut("the-key-before-rotation").Read(Purpose, token));
    }

    [Fact]
    public void Read_TokenOfAKeyNoLongerListed_IsInvalid()
    {
        var old = CreateSut("retired-key").Create(Purpose, Subject, Lifetime);

        Assert.Equal(TokenCheck.Invalid, CreateSut().Read(Purpose, old));
    }

    [Fact]
    public void Read_ValidSignatureUnderAnotherKeysId_IsInvalid()
    {
        // The key id picks the key; a token's signature must be that key's, not any listed key's.
        var rotated = new SignedTokens(Options.Create(new SigningOptions { Key = Key, PreviousKeys = "old" }), _time);
        var token = rotated.Create(Purpose, Subject, Lifetime);
        var relabelled = CreateSut("old").CurrentKeyId + token[token.IndexOf('.', StringComparison.Ordinal)..];

        Assert.Equal(TokenCheck.Invalid, rotated.Read(Purpose, relabelled));
    }

    [Fact]
    public void CurrentKeyId_IsStableForAKeyAndRevealsNotTheKey()
    {
        Assert.Equal(CreateSut().CurrentKeyId, CreateSut().CurrentKeyId);
        Assert.NotEqual(CreateSut().CurrentKeyId, CreateSut("another-key").CurrentKeyId);
        Assert.Matches("^[0-9a-f]{8}$", CreateSut().CurrentKeyId);
        Assert.DoesNotContain(Key, CreateSut().Create(Purpose, Subject, Lifetime), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DoesNotSignWithTheConfiguredSecretItself()
    {
        // The HMAC key is derived (HKDF), so a signature made with the raw secret is refused.
        var payload = Encoding.UTF8.GetBytes($"{Purpose}|{Subject}|{_time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds()}");
        var raw = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), payload);

        Assert.Equal(TokenCheck.Invalid, CreateSut().Read(Purpose, $"{CreateSut().CurrentKeyId}.{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(raw)}"));
    }

    private static byte[] DerivedKey(string secret) =>
        System.Security.Cryptography.HKDF.DeriveKey(System.Security.Cryptography.HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: "careers-pipeline/link-signing"u8.ToArray());

    private static (string Payload, string Signature) Split(string token)
    {
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        return (parts[1], parts[2]);
    }
}

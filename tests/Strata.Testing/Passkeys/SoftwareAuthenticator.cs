using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.Testing.Passkeys;

/// <summary>
/// A WebAuthn authenticator in software, playing the browser and the device: it answers the options a relying party
/// hands to <c>navigator.credentials.create()</c> and <c>.get()</c> with the JSON a browser would send back — a
/// P-256 (ES256) credential, "none" attestation, CBOR built with <c>System.Formats.Cbor</c>.
/// </summary>
public sealed class SoftwareAuthenticator : IDisposable
{
    private const byte UserPresent = 0x01;
    private const byte UserVerified = 0x04;
    private const byte BackupEligibleFlag = 0x08;
    private const byte BackedUpFlag = 0x10;
    private const byte AttestedCredentialData = 0x40;

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <param name="origin">The web origin the "browser" reports in its client data.</param>
    public SoftwareAuthenticator(string origin)
    {
        Origin = origin;
    }

    /// <summary>The origin reported in client data; change it to play a page on another site.</summary>
    public string Origin { get; set; }

    /// <summary>The credential id this authenticator creates and asserts with.</summary>
    public byte[] CredentialId { get; init; } = RandomNumberGenerator.GetBytes(32);

    /// <summary>The authenticator model it reports.</summary>
    public Guid Aaguid { get; init; } = Guid.NewGuid();

    /// <summary>Whether it reports a synced (backed-up) credential.</summary>
    public bool BackedUp { get; init; } = true;

    /// <summary>The user handle it answers sign-ins with: the user id it was registered for, unless set.</summary>
    public byte[]? UserHandle { get; set; }

    /// <summary>The signature counter; each assertion increments it first.</summary>
    public uint SignCount { get; set; }

    /// <summary>The credential's id as the browser sends it (base64url).</summary>
    public string CredentialIdText => Base64Url.EncodeToString(CredentialId);

    /// <summary>Answers creation options (<c>PublicKeyCredentialCreationOptionsJSON</c>) with a registration response.</summary>
    public string Register(JsonElement creationOptions)
    {
        var rpId = creationOptions.GetProperty("rp").GetProperty("id").GetString()!;
        UserHandle ??= Base64Url.DecodeFromChars(creationOptions.GetProperty("user").GetProperty("id").GetString());
        var clientData = ClientData("webauthn.create", creationOptions.GetProperty("challenge").GetString()!);

        var authenticatorData = new List<byte>();
        authenticatorData.AddRange(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)));
        authenticatorData.Add((byte)(UserPresent | UserVerified | AttestedCredentialData | BackupFlags()));
        authenticatorData.AddRange(BigEndian(SignCount));
        authenticatorData.AddRange(Aaguid.ToByteArray(bigEndian: true));
        authenticatorData.Add((byte)(CredentialId.Length >> 8));
        authenticatorData.Add((byte)CredentialId.Length);
        authenticatorData.AddRange(CredentialId);
        authenticatorData.AddRange(CosePublicKey());

        var attestation = new CborWriter(CborConformanceMode.Ctap2Canonical);
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt");
        attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt");
        attestation.WriteStartMap(0);
        attestation.WriteEndMap();
        attestation.WriteTextString("authData");
        attestation.WriteByteString([.. authenticatorData]);
        attestation.WriteEndMap();

        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["attestationObject"] = Base64Url.EncodeToString(attestation.Encode()),
            ["transports"] = new JsonArray("internal", "hybrid"),
        });
    }

    /// <summary>Answers request options (<c>PublicKeyCredentialRequestOptionsJSON</c>) with a signed assertion.</summary>
    public string Assert(JsonElement requestOptions)
    {
        SignCount++;
        var rpId = requestOptions.GetProperty("rpId").GetString()!;
        var clientData = ClientData("webauthn.get", requestOptions.GetProperty("challenge").GetString()!);
        byte[] authenticatorData = [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), (byte)(UserPresent | UserVerified | BackupFlags()), .. BigEndian(SignCount)];
        var signature = _key.SignData([.. authenticatorData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["authenticatorData"] = Base64Url.EncodeToString(authenticatorData),
            ["signature"] = Base64Url.EncodeToString(signature),
            ["userHandle"] = UserHandle is null ? null : Base64Url.EncodeToString(UserHandle),
        });
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private byte BackupFlags() => BackedUp ? (byte)(BackupEligibleFlag | BackedUpFlag) : BackupEligibleFlag;

    private byte[] ClientData(string type, string challenge) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["type"] = type, ["challenge"] = challenge, ["origin"] = Origin, ["crossOrigin"] = false });

    /// <summary>The public key as a COSE_Key: EC2 (kty 2), ES256 (alg -7), P-256 (crv 1), x and y.</summary>
    private byte[] CosePublicKey()
    {
        var point = _key.ExportParameters(includePrivateParameters: false).Q;
        var cose = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cose.WriteStartMap(5);
        cose.WriteInt32(1);
        cose.WriteInt32(2);
        cose.WriteInt32(3);
        cose.WriteInt32(-7);
        cose.WriteInt32(-1);
        cose.WriteInt32(1);
        cose.WriteInt32(-2);
        cose.WriteByteString(point.X!);
        cose.WriteInt32(-3);
        cose.WriteByteString(point.Y!);
        cose.WriteEndMap();
        return cose.Encode();
    }

    private string Credential(JsonObject response) => new JsonObject
    {
        ["id"] = CredentialIdText,
        ["rawId"] = CredentialIdText,
        ["type"] = "public-key",
        ["response"] = response,
        ["clientExtensionResults"] = new JsonObject(),
        ["authenticatorAttachment"] = "platform",
    }.ToJsonString();
}

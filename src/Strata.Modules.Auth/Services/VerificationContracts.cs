using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Services;

/// <summary>What claiming a one-time token found.</summary>
internal enum VerificationClaimOutcome
{
    /// <summary>This call consumed the token; <see cref="VerificationClaim.Verification"/> holds it.</summary>
    Claimed,

    /// <summary>No token of that purpose (and owner) has that hash.</summary>
    Unknown,

    /// <summary>Consumed before, or by a concurrent call that won.</summary>
    Used,

    /// <summary>Past its expiry.</summary>
    Expired,
}

/// <summary>The outcome of <see cref="Repositories.VerificationRepository.ClaimAsync"/>, with the row when one was found.</summary>
internal sealed record VerificationClaim(VerificationClaimOutcome Outcome, Verification? Verification);

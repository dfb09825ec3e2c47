namespace Strata.AspNetCore.Routing;

/// <summary>Rate-limit policies the host defines and modules' routes name.</summary>
public static class RateLimitPolicies
{
    /// <summary>
    /// Attempts with credentials (sign-up, sign-in, forgot-password): <c>Strata:Api:AuthPermitLimit</c> per client
    /// address and <c>Strata:Api:AuthWindow</c>; refusals answer 429 <c>auth.rate_limited</c>.
    /// </summary>
    public const string Credentials = "auth";
}

#:package Microsoft.Extensions.Identity.Core
// Measures the cost of one password check at Strata's default PBKDF2 setting: dotnet run bench/password-hash.cs
using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
var hasher = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions { IterationCount = 220_000 }));
var user = new object();
var hash = hasher.HashPassword(user, "correct horse battery staple");
var times = new List<double>();
for (var i = 0; i < 7; i++) { var sw = Stopwatch.StartNew(); hasher.VerifyHashedPassword(user, hash, "correct horse battery staple"); times.Add(sw.Elapsed.TotalMilliseconds); }
times.Sort();
Console.WriteLine($"PBKDF2-HMAC-SHA512 220000 iterations verify: median {times[3]:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms");

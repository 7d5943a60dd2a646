using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Chucheon.Data.Readers;

namespace Chucheon.Benchmarks;

/// <summary>Streaming readers on a generated file of about a million interactions: the CSV reader (header, four
/// columns) and the user-item-lists reader (one line per user). Throughput here times ten is the 10M-line budget.</summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private const int Interactions = 1_000_000;
    private const int Users = 50_000;
    private const int Items = 20_000;

    private string _folder = "";
    private string _csv = "";
    private string _lists = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "chucheon-reader-bench");
        Directory.CreateDirectory(_folder);
        _csv = Path.Combine(_folder, "ratings.csv");
        _lists = Path.Combine(_folder, "lists.txt");
        var random = new Random(11);

        // Users in blocks, as most dumps are; item ids skewed towards the head, as real catalogs are.
        var perUser = Interactions / Users;
        var itemsOfUser = new int[perUser];
        using var csv = new StreamWriter(_csv, false, new UTF8Encoding(false), 1 << 16);
        using var lists = new StreamWriter(_lists, false, new UTF8Encoding(false), 1 << 16);
        csv.Write("user_id,item_id,rating,timestamp\n");
        var time = 1_500_000_000L;
        for (var u = 0; u < Users; u++)
        {
            lists.Write(u.ToString(CultureInfo.InvariantCulture));
            for (var k = 0; k < perUser; k++)
            {
                itemsOfUser[k] = (int)(Items * Math.Pow(random.NextDouble(), 2));
                time += random.Next(1, 600);
                csv.Write(string.Create(CultureInfo.InvariantCulture, $"{u},{itemsOfUser[k]},{1 + random.Next(5)},{time}\n"));
                lists.Write(' ');
                lists.Write(itemsOfUser[k].ToString(CultureInfo.InvariantCulture));
            }

            lists.Write('\n');
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public int Csv() => DelimitedReader.Load(_csv, DelimitedLayout.Csv).Log.Count;

    [Benchmark]
    public int UserItemLists() => UserItemListsReader.Load(_lists).Log.Count;
}

using EdgeCity.Gateway.Storage;

namespace EdgeCity.Gateway.Tests;

/// <summary>The per-board record of stored sequence numbers that recognises redeliveries.</summary>
public sealed class SequenceWindowTests
{
    [Fact]
    public void Numbers_in_order_move_the_floor_and_are_recognised_again()
    {
        var window = new SequenceWindow();
        for (long seq = 1; seq <= 100; seq++)
        {
            Assert.False(window.Contains(1, seq));
            window.Add(1, seq);
        }

        Assert.Equal(100, window.Floor);
        Assert.Empty(window.AboveBytes());
        Assert.True(window.Contains(1, 1));
        Assert.True(window.Contains(1, 100));
        Assert.False(window.Contains(1, 101));
    }

    [Fact]
    public void A_birth_that_overtakes_queued_messages_leaves_them_unrecognised_until_they_arrive()
    {
        var window = new SequenceWindow();
        window.Add(1, 1);
        window.Add(1, 2);
        window.Add(1, 8); // the birth on reconnect; 3–7 still wait in the board's queue
        Assert.Equal(2, window.Floor);
        Assert.True(window.Contains(1, 8));
        for (long seq = 3; seq <= 7; seq++)
        {
            Assert.False(window.Contains(1, seq), $"seq {seq} was never stored");
            window.Add(1, seq);
        }

        Assert.Equal(8, window.Floor);
        Assert.Empty(window.AboveBytes());
    }

    [Fact]
    public void A_new_boot_starts_afresh_and_an_older_boot_is_not_claimed_as_stored()
    {
        var window = new SequenceWindow();
        window.Add(3, 50);
        window.Add(4, 1);
        Assert.True(window.Contains(4, 1));
        Assert.False(window.Contains(4, 2));
        Assert.False(window.Contains(3, 50));
        window.Add(3, 51);
        Assert.Equal(4, window.Boot);
    }

    [Fact]
    public void Gaps_survive_storage_and_a_number_far_ahead_moves_the_floor_up_to_the_span()
    {
        var window = new SequenceWindow();
        window.Add(1, 1);
        window.Add(1, 3);
        window.Add(1, 200);
        SequenceWindow restored = SequenceWindow.Restore(window.Boot, window.Floor, window.AboveBytes());
        Assert.Equal(1, restored.Floor);
        Assert.False(restored.Contains(1, 2));
        Assert.True(restored.Contains(1, 3));
        Assert.False(restored.Contains(1, 199));
        Assert.True(restored.Contains(1, 200));

        restored.Add(1, 200 + SequenceWindow.Span);
        Assert.Equal(200, restored.Floor);
        Assert.True(restored.Contains(1, 200 + SequenceWindow.Span));
        Assert.False(restored.Contains(1, 201));
    }

    [Fact]
    public void A_clone_changes_apart_from_its_original()
    {
        var window = new SequenceWindow();
        window.Add(1, 5);
        SequenceWindow clone = window.Clone();
        clone.Add(1, 6);
        Assert.False(window.Contains(1, 6));
        Assert.True(clone.Contains(1, 6));
    }
}

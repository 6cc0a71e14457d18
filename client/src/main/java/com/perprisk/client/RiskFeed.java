package com.perprisk.client;

import io.aeron.Aeron;
import io.aeron.ChannelUri;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;

/**
 * A subscription to the risk feed that checks its sequence numbers: messages arrive in order, numbered 1, 2, 3...; a
 * jump is reported once through {@link RiskListener#onFeedGap} and delivery continues. To (re)build state: query the
 * accounts you follow ({@link RiskClient#queryAccount}), then {@link #resyncFrom} the response's feed sequence, so
 * feed messages already included in the snapshot are skipped and the next one is expected.
 *
 * <p>The subscription is untethered ({@code tether=false} unless the channel says otherwise): a subscriber that falls
 * too far behind is dropped by the media driver instead of stalling the feed for everyone; it rejoins at the live
 * position and sees a gap. Not thread-safe: one thread polls. Polling allocates nothing.
 */
public final class RiskFeed implements AutoCloseable
{
    private static final int FRAGMENT_LIMIT = 64;

    private final Subscription subscription;
    private final MessageDispatcher dispatcher = new MessageDispatcher();
    private final FragmentAssembler assembler = new FragmentAssembler(this::onFragment);
    private RiskListener listener = RiskListener.NO_OP;
    private long lastSequence;
    private long gaps;

    /**
     * @param aeron    a connected client.
     * @param channel  the feed channel.
     * @param streamId the feed stream id.
     */
    public RiskFeed(final Aeron aeron, final String channel, final int streamId)
    {
        final ChannelUri uri = ChannelUri.parse(channel);
        if (uri.get("tether") == null)
        {
            uri.put("tether", "false");
        }
        subscription = aeron.addSubscription(uri.toString(), streamId);
    }

    /** @return true once the feed publication is connected to this subscriber */
    public boolean isConnected()
    {
        return subscription.isConnected();
    }

    /**
     * @param listener receives the feed's messages.
     * @return number of fragments read.
     */
    public int poll(final RiskListener listener)
    {
        this.listener = listener;
        final int fragments = subscription.poll(assembler, FRAGMENT_LIMIT);
        this.listener = RiskListener.NO_OP;
        return fragments;
    }

    /**
     * Continue from a snapshot: feed messages up to this sequence are already reflected and will be skipped.
     *
     * @param feedSequence the snapshot's feed sequence ({@link RiskClient#responseFeedSequence()}).
     */
    public void resyncFrom(final long feedSequence)
    {
        lastSequence = Math.max(lastSequence, feedSequence);
    }

    /** @return the last feed sequence delivered (or skipped as included in a snapshot) */
    public long lastSequence()
    {
        return lastSequence;
    }

    /** @return gaps seen so far */
    public long gaps()
    {
        return gaps;
    }

    @Override
    public void close()
    {
        subscription.close();
    }

    private void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        final long sequence = dispatcher.feedSequenceOf(buffer, offset, length);
        if (sequence >= 0)
        {
            if (sequence <= lastSequence)
            {
                return;
            }
            if (sequence != lastSequence + 1)
            {
                gaps++;
                listener.onFeedGap(lastSequence + 1, sequence);
            }
            lastSequence = sequence;
        }
        dispatcher.dispatch(buffer, offset, length, listener);
    }
}

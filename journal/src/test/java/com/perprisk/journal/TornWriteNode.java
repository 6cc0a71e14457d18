package com.perprisk.journal;

import com.perprisk.engine.command.CommandEvent;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * Child process of {@link TornRecordTest}: journals {@code n} deposits, then starts one more record, writes half of it
 * and halts the JVM without finishing it: what a crash in the middle of an append leaves on disk.
 */
public final class TornWriteNode
{
    private TornWriteNode()
    {
    }

    /** @param args journal folder, number of complete records */
    public static void main(final String[] args)
    {
        final Journal journal = Journal.open(new JournalSettings(Path.of(args[0])).minFreeBytes(0));
        final JournalAppender appender = journal.appender(InstrumentAttachmentCodec.INSTANCE);
        appender.onStart();
        final CommandEvent c = new CommandEvent();
        final int n = Integer.parseInt(args[1]);
        for (int i = 0; i < n; i++)
        {
            c.deposit(i, i, 1, 1_000_000).sequence(i);
            appender.append(c);
        }
        final ExcerptAppender raw = journal.queue().createAppender();
        final DocumentContext dc = raw.writingDocument();
        dc.wire().bytes().writeLong(0x1111_2222_3333_4444L).writeInt(JournalRecord.FORMAT_VERSION);
        Runtime.getRuntime().halt(0); // the document is never completed
    }
}

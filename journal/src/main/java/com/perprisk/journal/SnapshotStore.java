package com.perprisk.journal;

import com.perprisk.engine.EngineConfig;
import com.perprisk.engine.RiskEngine;
import com.perprisk.engine.state.BufferStateReader;
import com.perprisk.engine.state.BufferStateWriter;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Snapshot files of the whole engine state, each tied to the journal record it covers. A file is
 * {@code snapshot-<sequence>.snap}:
 * <pre>
 * offset size field (little-endian)
 *      0    8 magic "PRSNAP01"
 *      8    4 file format version ({@link #FORMAT_VERSION})
 *     12    4 CRC32C of the journal record it covers (ties the snapshot to that exact record)
 *     16    8 engine sequence of the last input applied
 *     24    8 Chronicle index of that input's journal record
 *     32    8 engine state checksum
 *     40    8 image length L
 *     48    4 CRC32C of the image
 *     52    4 CRC32C of bytes [0, 52)
 *     56    L engine state image (RiskEngine#writeState; carries its own version and checksum)
 * </pre>
 * Written to a temporary file, synced and renamed, so a crash never leaves a half snapshot under a final name.
 * A file that fails any check is skipped with a warning and the next older one is used.
 *
 * <p>Threading: {@link #write} runs on the snapshot thread; loading runs at start-up; not thread-safe otherwise.
 */
public final class SnapshotStore
{
    /** Version of the file layout above. */
    public static final int FORMAT_VERSION = 1;
    static final long MAGIC = 0x3130_5041_4E53_5250L; // "PRSNAP01" little-endian
    static final int HEADER_LENGTH = 56;
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".snap";
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);

    private final Path folder;
    private final int keep;
    private final ExpandableDirectByteBuffer image = new ExpandableDirectByteBuffer(1 << 20);
    private final CRC32C crc = new CRC32C();

    /**
     * @param folder the snapshot folder (created if missing).
     * @param keep   how many newest snapshots {@link #prune} keeps, at least 1.
     */
    public SnapshotStore(final Path folder, final int keep)
    {
        if (keep < 1)
        {
            throw new IllegalArgumentException("snapshots to keep must be at least 1, not " + keep);
        }
        this.folder = folder;
        this.keep = keep;
    }

    /** Header of a snapshot file. */
    public record Info(Path file, long sequence, long journalIndex, int recordChecksum, long checksum, long imageLength)
    {
    }

    /** A snapshot restored into an engine. */
    public record Loaded(Info info, RiskEngine engine)
    {
    }

    /**
     * Write a snapshot of an engine that has applied every record up to {@code journalIndex}.
     *
     * @param engine         the engine (owned by the calling thread; a shadow engine, never the live one).
     * @param journalIndex   Chronicle index of the last record it applied.
     * @param recordChecksum the CRC32C that record carries.
     * @return the snapshot's header.
     * @throws IOException if the file cannot be written.
     */
    public Info write(final RiskEngine engine, final long journalIndex, final int recordChecksum) throws IOException
    {
        final BufferStateWriter writer = new BufferStateWriter(image, 0);
        engine.writeState(writer);
        final int length = writer.position();
        final ByteBuffer imageBytes = image.byteBuffer().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        imageBytes.limit(length).position(0);
        crc.reset();
        crc.update(imageBytes.duplicate());

        final ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(MAGIC).putInt(FORMAT_VERSION).putInt(recordChecksum)
            .putLong(engine.lastSequence()).putLong(journalIndex).putLong(engine.checksum()).putLong(length)
            .putInt((int)crc.getValue());
        crc.reset();
        crc.update(header.array(), 0, 52);
        header.putInt((int)crc.getValue()).flip();

        Files.createDirectories(folder);
        final Path file = folder.resolve(fileName(engine.lastSequence()));
        final Path temp = folder.resolve(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
        {
            while (header.hasRemaining())
            {
                channel.write(header);
            }
            while (imageBytes.hasRemaining())
            {
                channel.write(imageBytes);
            }
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder();
        return new Info(file, engine.lastSequence(), journalIndex, recordChecksum, engine.checksum(), length);
    }

    private void syncFolder()
    {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ))
        {
            dir.force(true);
        }
        catch (final IOException ex)
        {
            LOG.debug("cannot sync folder {}: {}", folder, ex.toString());
        }
    }

    static String fileName(final long sequence)
    {
        return String.format("%s%020d%s", PREFIX, sequence, SUFFIX);
    }

    /**
     * @return headers of the snapshot files present, newest (highest sequence) first; unreadable headers are left out.
     * @throws IOException if the folder cannot be listed.
     */
    public List<Path> files() throws IOException
    {
        final List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder))
        {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX))
        {
            stream.forEach(files::add);
        }
        files.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        return files;
    }

    /**
     * Restore the newest snapshot that passes every check, skipping (with a warning) any that does not.
     *
     * @param config   the engine settings (must agree with the snapshot's).
     * @param warnings receives one line per skipped file.
     * @return the restored snapshot, or null if there is none usable.
     * @throws IOException if the folder cannot be listed.
     */
    public Loaded loadLatest(final EngineConfig config, final Consumer<String> warnings) throws IOException
    {
        for (final Path file : files())
        {
            try
            {
                return load(file, config);
            }
            catch (final IOException | RuntimeException ex)
            {
                final String warning = "skipping snapshot " + file.getFileName() + ": " + ex.getMessage();
                LOG.warn(warning);
                warnings.accept(warning);
            }
        }
        return null;
    }

    /**
     * Read, check and restore one snapshot file.
     *
     * @param file   the file.
     * @param config the engine settings.
     * @return the restored snapshot.
     * @throws IOException if it cannot be read.
     * @throws JournalException if it fails a check.
     */
    public Loaded load(final Path file, final EngineConfig config) throws IOException
    {
        final ByteBuffer bytes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final long size = channel.size();
            if (size < HEADER_LENGTH || size - HEADER_LENGTH > Integer.MAX_VALUE - 8)
            {
                throw new JournalException("file of " + size + " bytes is not a snapshot");
            }
            bytes = ByteBuffer.allocateDirect((int)size).order(ByteOrder.LITTLE_ENDIAN);
            while (bytes.hasRemaining() && channel.read(bytes) >= 0)
            {
                // read it whole
            }
            bytes.flip();
        }
        final Info info = readHeader(file, bytes);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final RiskEngine engine;
        try
        {
            engine = RiskEngine.restore(config, new BufferStateReader(buffer, HEADER_LENGTH, (int)info.imageLength()));
        }
        catch (final RuntimeException ex)
        {
            throw new JournalException("state image refused: " + ex.getMessage(), ex);
        }
        if (engine.checksum() != info.checksum() || engine.lastSequence() != info.sequence())
        {
            throw new JournalException("restored state does not match the snapshot header (checksum or sequence)");
        }
        return new Loaded(info, engine);
    }

    private Info readHeader(final Path file, final ByteBuffer bytes)
    {
        if (bytes.getLong(0) != MAGIC)
        {
            throw new JournalException("not a snapshot file (bad magic)");
        }
        final int version = bytes.getInt(8);
        if (version != FORMAT_VERSION)
        {
            throw new JournalException("snapshot file format version " + version + "; this build reads version " + FORMAT_VERSION);
        }
        crc.reset();
        crc.update(bytes.duplicate().limit(52).position(0));
        if (bytes.getInt(52) != (int)crc.getValue())
        {
            throw new JournalException("header checksum mismatch (corrupted file)");
        }
        final long length = bytes.getLong(40);
        if (length != bytes.limit() - HEADER_LENGTH)
        {
            throw new JournalException("truncated: image of " + (bytes.limit() - HEADER_LENGTH) + " bytes, header says " + length);
        }
        crc.reset();
        crc.update(bytes.duplicate().limit(bytes.limit()).position(HEADER_LENGTH));
        if (bytes.getInt(48) != (int)crc.getValue())
        {
            throw new JournalException("image checksum mismatch (corrupted file)");
        }
        return new Info(file, bytes.getLong(16), bytes.getLong(24), bytes.getInt(12), bytes.getLong(32), length);
    }

    /**
     * Set a snapshot aside (renamed {@code *.snap.orphaned}, never read again): used when the journal does not continue it,
     * e.g. a power loss took journal records the snapshot had already covered.
     *
     * @param file the snapshot.
     * @return the new name.
     * @throws IOException if it cannot be renamed.
     */
    public Path quarantine(final Path file) throws IOException
    {
        final Path aside = file.resolveSibling(file.getFileName() + ".orphaned");
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        LOG.warn("snapshot {} set aside as {}", file.getFileName(), aside.getFileName());
        return aside;
    }

    /**
     * Delete temporary files left by a snapshot being written when the process died.
     *
     * @return number of files deleted.
     * @throws IOException if the folder cannot be listed.
     */
    public int deleteUnfinished() throws IOException
    {
        int deleted = 0;
        if (Files.isDirectory(folder))
        {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX + ".tmp"))
            {
                for (final Path file : stream)
                {
                    Files.deleteIfExists(file);
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /**
     * Delete all but the {@code keep} newest snapshots.
     *
     * @return the Chronicle index covered by the oldest snapshot kept, or -1 if none is kept.
     * @throws IOException if listing fails.
     */
    public long prune() throws IOException
    {
        final List<Path> files = files();
        long oldestKeptIndex = -1;
        for (int i = 0; i < files.size(); i++)
        {
            final Path file = files.get(i);
            if (i < keep)
            {
                oldestKeptIndex = journalIndexOf(file, oldestKeptIndex);
            }
            else
            {
                Files.deleteIfExists(file);
                LOG.info("deleted old snapshot {}", file.getFileName());
            }
        }
        return oldestKeptIndex;
    }

    private long journalIndexOf(final Path file, final long fallback) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
            while (header.hasRemaining() && channel.read(header) >= 0)
            {
                // read the header
            }
            return header.position() == HEADER_LENGTH && header.getLong(0) == MAGIC ? header.getLong(24) : fallback;
        }
    }
}

package com.akoolnarrator.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.akoolnarrator.input.TrackTags;
import com.akoolnarrator.storage.Mp3Format;
import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.storage.Sha256;
import com.mpatric.mp3agic.ID3v2;
import com.mpatric.mp3agic.ID3v2ChapterFrameData;
import com.mpatric.mp3agic.ID3v2Frame;
import com.mpatric.mp3agic.ID3v2TagFactory;

/**
 * The ID3v2.4 tags this job writes, read back by an independent reader (mp3agic) and by the job's own, and checked
 * byte by byte where that reader is known to be wrong (CTOC flags).
 */
class Id3TagTests {

    private static final Path SPEECH = Path.of("src/main/resources/simulator/speech.mp3");
    private static final String HASH = "3d592516b47e1cbbb2e9467da58cda78c100f04846221120b11cf902f04a4c60";

    @TempDir
    Path folder;

    @Test
    void latinAndNonLatinTagsAndTheNarrationsIdentityAreReadBackByAnIndependentReader() throws Exception {
        Path file = copyOfSpeech("lesson.mp3");
        TrackTags tags = new TrackTags("Leçon 3 — Über „Daten“", "第三課 データの読み方", "Анна Петрова", "3/12",
                "Ελληνικά σχόλια 🎧");

        new Mp3Tagger(new OutputFolder(folder)).tag("lesson.mp3", new FileTag(tags, HASH, "65f8017f5655", List.of()));

        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, 5)).as("an ID3v2.4 tag").containsExactly('I', 'D', '3', 4, 0);
        ID3v2 read = ID3v2TagFactory.createTag(bytes);
        assertThat(read.getTitle()).isEqualTo("Leçon 3 — Über „Daten“");
        assertThat(read.getAlbum()).isEqualTo("第三課 データの読み方");
        assertThat(read.getArtist()).isEqualTo("Анна Петрова");
        assertThat(read.getTrack()).isEqualTo("3/12");
        assertThat(read.getComment()).isEqualTo("Ελληνικά σχόλια 🎧");
        assertThat(userText(read)).containsExactlyInAnyOrder(FileTag.CONTENT_HASH + "=" + HASH,
                FileTag.AKOOL_JOB_ID + "=65f8017f5655");
        assertThat(textEncodings(read)).as("every text frame in UTF-8").containsOnly((byte) 3);

        Id3Reader.ReadTag own = Id3Reader.read(file).orElseThrow();
        assertThat(own.trackTags()).isEqualTo(tags);
        assertThat(own.userText(FileTag.CONTENT_HASH)).contains(HASH);
    }

    @Test
    void aJoinedScriptsChaptersAreTopLevelOrderedAndTimedByItsParts() throws Exception {
        copyOfSpeech("long.mp3");
        List<Chapter> chapters = List.of(new Chapter(0, 4_200, "Part one begins"), new Chapter(4_200, 9_900, "第二部"),
                new Chapter(9_900, 15_000, "Part three"));

        new Mp3Tagger(new OutputFolder(folder)).tag("long.mp3", new FileTag(new TrackTags("Long", "", "", "", ""), HASH,
                "a b c", chapters));

        byte[] bytes = Files.readAllBytes(folder.resolve("long.mp3"));
        ID3v2 read = ID3v2TagFactory.createTag(bytes);
        List<ID3v2ChapterFrameData> chaps = read.getChapters();
        assertThat(chaps).hasSize(3);
        assertThat(chaps).extracting(ID3v2ChapterFrameData::getStartTime).containsExactly(0, 4_200, 9_900);
        assertThat(chaps).extracting(ID3v2ChapterFrameData::getEndTime).containsExactly(4_200, 9_900, 15_000);
        assertThat(chaps).extracting(ID3v2ChapterFrameData::getId).containsExactly("ch1", "ch2", "ch3");
        assertThat(read.getChapterTOC()).hasSize(1);
        assertThat(read.getChapterTOC().get(0).getChildren()).containsExactly("ch1", "ch2", "ch3");
        // mp3agic swaps the CTOC flag bits, so they are read here by hand: "toc\0", then the flags
        int toc = indexOf(bytes, "CTOC".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(bytes[toc + 10 + 4]).as("top-level and ordered, as Apple's players need").isEqualTo((byte) 0x03);
        assertThat(bytes[toc + 10 + 5]).as("three children").isEqualTo((byte) 3);
        assertThat(Id3Reader.read(folder.resolve("long.mp3")).orElseThrow().chapters()).isEqualTo(chapters);
    }

    @Test
    void taggingAgainReplacesTheTagAndLeavesTheAudioFramesAsTheyWere() throws Exception {
        Path file = copyOfSpeech("again.mp3");
        byte[] original = Files.readAllBytes(SPEECH);
        byte[] audio = Arrays.copyOfRange(original, Mp3Format.id3v2Length(original), original.length);
        Mp3Tagger tagger = new Mp3Tagger(new OutputFolder(folder));

        tagger.tag("again.mp3", new FileTag(new TrackTags("First", "", "", "", ""), HASH, "x", List.of()));
        Mp3Tagger.Tagged second = tagger.tag("again.mp3",
                new FileTag(new TrackTags("Second title", "", "", "", ""), HASH, "x", List.of()));

        byte[] bytes = Files.readAllBytes(file);
        int tag = Mp3Format.id3v2Length(bytes);
        assertThat(Arrays.copyOfRange(bytes, tag, bytes.length)).as("the audio, byte for byte").isEqualTo(audio);
        assertThat(ID3v2TagFactory.createTag(bytes).getTitle()).isEqualTo("Second title");
        assertThat(second.bytes()).isEqualTo(bytes.length);
        assertThat(second.sha256()).isEqualTo(Sha256.ofFile(file));
        assertThat(Mp3Format.durationSeconds(file)).isEqualTo(Mp3Format.durationSeconds(SPEECH));
        try (var files = Files.list(folder)) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
    }

    private Path copyOfSpeech(String name) throws Exception {
        return Files.copy(SPEECH, folder.resolve(name));
    }

    private static List<String> userText(ID3v2 tag) {
        return tag.getFrameSets().get("TXXX").getFrames().stream().map(frame -> {
            byte[] data = frame.getData();
            int zero = indexOf(data, new byte[] { 0 });
            return new String(data, 1, zero - 1, StandardCharsets.UTF_8) + "="
                    + new String(data, zero + 1, data.length - zero - 1, StandardCharsets.UTF_8);
        }).toList();
    }

    private static List<Byte> textEncodings(ID3v2 tag) {
        return tag.getFrameSets().entrySet().stream()
            .filter(set -> set.getKey().startsWith("T") || set.getKey().equals("COMM"))
            .flatMap(set -> set.getValue().getFrames().stream())
            .map(ID3v2Frame::getData).map(data -> data[0]).toList();
    }

    private static int indexOf(byte[] bytes, byte[] wanted) {
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        return -1;
    }


    @Test
    void chaptersNestedSixtyThousandDeepAreReadOneLevelDownWithoutOverflowingTheStack() {
        int depth = 60_000;
        byte[] title = { 3, 'I', 'n' };
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int level = 0; level < depth; level++) { // each CHAP holds the next; the innermost holds a title
            int content = 18 + 28 * (depth - 1 - level) + 10 + title.length;
            body.writeBytes(frameHeader("CHAP", syncSafe(content)));
            body.writeBytes(new byte[] { 'c', 0, 0, 0, 0, 0, 0, 0, 3, (byte) 0xE8, -1, -1, -1, -1, -1, -1, -1, -1 });
        }
        body.writeBytes(frameHeader("TIT2", syncSafe(title.length)));
        body.writeBytes(title);

        Id3Reader.ReadTag tag = Id3Reader.parse(4, 0, body.toByteArray());

        assertThat(tag.chapters()).hasSize(1);
        assertThat(tag.chapters().get(0).title()).as("its own frames; a CHAP inside it is passed over").isEmpty();
    }

    @Test
    void aFrameOrExtendedHeaderThatDeclaresMoreThanTheTagEndsTheReadingNotTheRun() {
        ByteArrayOutputStream v23 = new ByteArrayOutputStream();
        v23.writeBytes(frameHeader("TIT2", new byte[] { 0, 0, 0, 6 }));
        v23.writeBytes(new byte[] { 0, 'H', 'e', 'l', 'l', 'o' });
        v23.writeBytes(frameHeader("TALB", new byte[] { 0x7F, -1, -1, -1 })); // 2 GB, past an int's end when added
        v23.writeBytes(new byte[] { 0, 'x' });

        assertThat(Id3Reader.parse(3, 0, v23.toByteArray()).text("TIT2")).isEqualTo("Hello");
        byte[] extended = { 0x7F, 0x7F, 0x7F, 0x7F, 0, 0, 0, 0, 0, 0, 0, 0 };
        assertThat(Id3Reader.parse(4, 0x40, extended).trackTags()).isEqualTo(TrackTags.NONE);
        byte[] extended23 = { 0x7F, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0 };
        assertThat(Id3Reader.parse(3, 0x40, extended23).trackTags()).isEqualTo(TrackTags.NONE);
    }

    private static byte[] frameHeader(String id, byte[] size) {
        byte[] header = new byte[10];
        System.arraycopy(id.getBytes(StandardCharsets.ISO_8859_1), 0, header, 0, 4);
        System.arraycopy(size, 0, header, 4, 4);
        return header;
    }

    private static byte[] syncSafe(int size) {
        return new byte[] { (byte) (size >> 21 & 0x7F), (byte) (size >> 14 & 0x7F), (byte) (size >> 7 & 0x7F),
            (byte) (size & 0x7F) };
    }
}

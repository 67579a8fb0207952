package dev.aiworkbench.cli;

import dev.aiworkbench.curriculum.PackScaffold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "new", description = "Start a pack: write a minimal pack that validates into a new or empty folder.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the pack was written", "1:the folder is not empty or cannot be written", "2:usage error"})
final class PackNewCommand extends Verb implements Callable<Integer> {
    @Parameters(paramLabel = "<folder>", description = "The folder to write the pack into; it must not exist or be empty.")
    Path folder;

    @Option(names = "--id", paramLabel = "<id>",
            description = "The pack's id, in kebab-case (default: made from the folder's name).")
    String id;

    @Option(names = "--title", paramLabel = "<title>", description = "The pack's title (default: made from the id).")
    String title;

    @Override
    public Integer call() throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        String packId = id != null ? id
                : PackScaffold.idFromFolderName(target.getFileName() == null ? "" : target.getFileName().toString());
        if (!PackScaffold.isValidId(packId)) {
            throw new CommandFailure(id != null
                    ? "'" + id + "' is not a pack id: use kebab-case (lower-case letters and digits joined by single "
                    + "hyphens, at most 60 characters), for example --id llm-evals"
                    : "cannot make a pack id from the folder name '" + target.getFileName() + "'; give one with --id, "
                    + "for example --id my-pack", Cli.USAGE);
        }
        String packTitle = title != null ? title : PackScaffold.titleFromId(packId);
        if (!PackScaffold.isValidTitle(packTitle)) {
            throw new CommandFailure("the title must be one line of 1 to 120 characters; shorten it or drop line breaks",
                    Cli.USAGE);
        }
        if (!PackScaffold.canWriteInto(target)) {
            throw new CommandFailure(folder + " is not an empty folder; pack new never overwrites files, so give a "
                    + "new folder (it is created) or an empty one", Cli.FAILED);
        }
        List<String> written;
        try {
            written = PackScaffold.create(target, packId, packTitle);
        } catch (IOException e) {
            throw new CommandFailure("cannot write the pack into " + folder + " (" + e.getMessage() + "); check that "
                    + "you may write there and that the disk has room, then try again with an empty folder", Cli.FAILED);
        }
        out().println("Created pack " + packId + " (\"" + packTitle + "\") in " + folder + " with " + written.size()
                + " files:");
        written.forEach(file -> out().println("  " + file));
        out().println("Next: edit the files that say \"Replace this\", then run `workbench pack validate " + folder
                + "` after each change.");
        return Cli.OK;
    }
}

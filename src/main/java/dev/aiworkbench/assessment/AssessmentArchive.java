package dev.aiworkbench.assessment;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The JSON form of a learner's self-assessment in one pack: every attempt with every answer, and every review. */
record AssessmentArchive(List<AttemptEntry> attempts, List<ReviewEntry> reviews) {

    record AttemptEntry(String assessment, String startedAt, String finishedAt, List<AnswerEntry> answers) {
    }

    /** @param response a choice index list, a text or a rating, as the answers file takes them */
    record AnswerEntry(String item, JsonNode response, Integer confidence, String grade, String gradedBy,
                       JudgeEntry judge, String answeredAt, long seconds) {
    }

    record JudgeEntry(String model, boolean pass, String reason) {
    }

    record ReviewEntry(String item, boolean correct, int confidence, String at) {
    }
}

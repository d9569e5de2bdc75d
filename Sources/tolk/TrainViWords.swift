import ArgumentParser
import Foundation
import TolkReport
import TolkText

/// `tolk train-vi-words`: rebuilds the Vietnamese word model from a CoNLL-U treebank, byte for byte.
struct TrainViWords: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-vi-words", abstract: "Train the Vietnamese word model from a CoNLL-U treebank (UD Vietnamese-VTB train).")

    @Option(help: "The CoNLL-U training file.")
    var train: String
    @Option(help: "Where to write the model file.")
    var out: String
    @Option(help: "Also write the manifest (checksums and settings) here.")
    var manifest: String?
    @Option(help: "Also write the Swift source that embeds the model in tolk here.")
    var swift: String?
    @Option(help: "Passes over the training set.")
    var epochs = VietnameseWordTrainer.Settings().epochs
    @Option(help: "Drop features whose averaged weight is below this (in 1/64 of an update).")
    var pruneBelow = VietnameseWordTrainer.Settings().pruneBelow

    func run() throws {
        let trainBytes = try ModelFile.read(train)
        guard let conllu = String(validating: trainBytes, as: UTF8.self) else {
            throw CommandFailure(message: "\(train): not UTF-8 text")
        }
        let settings = VietnameseWordTrainer.Settings(epochs: epochs, pruneBelow: pruneBelow)
        let output: VietnameseWordTrainer.Output
        do {
            output = try VietnameseWordTrainer.train(conllu: conllu, name: train, settings: settings)
        } catch {
            throw CommandFailure(message: error.description)
        }
        try ModelFile.write(output.model, to: out)
        if let manifest {
            let name = URL(fileURLWithPath: train).lastPathComponent
            let text = VietnameseWordTrainer.manifest(output: output, trainName: name, trainBytes: trainBytes, settings: settings)
            try ModelFile.write(Array(text.utf8), to: manifest)
        }
        if let swift { try ModelFile.write(Array(VietnameseWordTrainer.swiftSource(model: output.model).utf8), to: swift) }
        FileHandleOutput.standardError.write(
            "tolk: \(out): \(output.model.count) bytes from \(output.sentences) sentences, sha256 \(SHA256.hex(output.model))\n")
    }
}

/// Whole-file reads and atomic writes of model files, with errors naming the file.
enum ModelFile {
    static func read(_ path: String) throws -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw CommandFailure(message: "\(path): cannot read: \((error as NSError).localizedDescription)")
        }
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure(message: "\(path): cannot write: \((error as NSError).localizedDescription)")
        }
    }

    /// The word model in `path`, or an error naming the file.
    static func wordModel(_ path: String) throws -> VietnameseWordModel {
        do {
            return try VietnameseWordModel(bytes: try read(path), source: path)
        } catch let error as VietnameseWordModelError {
            throw CommandFailure(message: error.description)
        }
    }
}

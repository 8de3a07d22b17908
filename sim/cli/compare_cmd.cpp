// `wijksim compare` and `wijksim sweep`: paired replications with checkpoints in <out>.partial, folded into
// the MKBA per pocket; `--resume <out>` finishes an interrupted run with identical files. Under an MPI launcher
// every rank runs these commands: rank 0 owns the job and its files, the others compute (sim/cluster.hpp).
#include <charconv>
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "sim/cli/commands.hpp"
#include "sim/cli/interrupts.hpp"
#include "sim/cli/job_lock.hpp"
#include "sim/io/output_path.hpp"
#include "sim/batch/cluster.hpp"
#include "scenarios/authoring.hpp"
#include "scenarios/file_notes.hpp"
#include "sim/batch/compare.hpp"
#include "sim/io/compare_output.hpp"
#include "sim/io/def_json.hpp"
#include "sim/io/json.hpp"
#include "sim/engine/district_reach.hpp"
#include "sim/mkba/mkba_tool.hpp"
#include "sim/cli/progress.hpp"
#include "sim/labels/labels.hpp"
#include "sim/report/decision_html.hpp"
#include "sim/report/report_html.hpp"
#include "sim/report/report_xlsx.hpp"
#include "sim/report/sweep_html.hpp"
#include "sim/io/run_output.hpp"

namespace wijksim::cli {

namespace fs = std::filesystem;

void CompareOptions::add_to(CLI::App& cmd, bool sweep) {
  if (sweep) {
    cmd.add_option("scenario", scenarios, "Project scenario (file or shipped name; default: wijkteam)")->expected(0, 1);
    cmd.add_option("--grid", grid,
                   "key=v1,v2,... (repeatable); every combination is one alternative. 'team.' means the first team, "
                   "e.g. --grid team.fte=2,4,6 --grid team.target=orange,light_orange+orange");
    cmd.add_flag("--tornado", tornado, "One-way sensitivity over the scenario's [[mkba.sensitivity]] ranges");
  } else {
    cmd.add_option("scenario", scenarios,
                   "Project scenarios with teams (files or shipped names; default: wijkteam, the default district with "
                   "a neighbourhood team); all share one zero alternative");
  }
  sim.add_run_options(cmd);
  cmd.add_option("--replications", replications, "Paired replications (default: the scenario's mkba.replications)")
      ->check(whole_number(1, maxima::kReplications));
  cmd.add_option("--mode", mode, "continuous (team all horizon), cohort (one year of approach) or both "
                                 "(default: the scenario's mkba.mode)");
  cmd.add_option("--lang", lang, "Labels of report.html and mkba.xlsx: en or nl")->default_val("en");
  cmd.add_option("--discount", discount,
                 "standard (2.25%, the Dutch standard since 2021 [Werkgroep discontovoet 2020], the default), source "
                 "(the sources' 5.5% [S004 fn 13]) or a rate a year replacing real rate plus risk premium (0 allowed)");
  cmd.add_option("--out", out, "Output folder, new, in an existing folder (default out/<command>-<scenario>-<timestamp>)");
  cmd.add_option("--resume", resume, "Finish the interrupted run whose output folder is DIR (other options are ignored, "
                                     "except --threads)");
}

namespace {

/// A comparison on disk: its output folder and the work folder with its inputs and checkpoints.
struct Job {
  std::vector<scenarios::ScenarioDef> projects;
  /// Per project scenario, the comments of its file's values (sources of the Inputs sheet); kept with the job so a
  /// resumed run writes the same files.
  std::vector<std::map<std::string, std::string>> notes;
  std::string mode, lang, command, kind;
  std::uint32_t replications = 0;
  fs::path out, work;
  fs::path checkpoints() const { return work / "replications"; }
};

fs::path work_folder(const fs::path& out) { return fs::path(out.string() + ".partial"); }

/// --discount as the two parts of the rate: a named rate's parts, or a number as the real rate without premium.
scenarios::DiscountParts discount_parts(const std::string& value) {
  if (value == "standard") return scenarios::kStandardDiscount;
  if (value == "source") return scenarios::kSourceDiscount;
  double rate = 0.0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), rate);
  if (value.empty() || error != std::errc() || end != value.data() + value.size())
    throw scenarios::ScenarioError("--discount", 0, "", fmt::format(
        "'{}' is not a discount rate: standard (2.25%), source (5.5%) or a number such as 0.03", value));
  return {rate, 0.0};
}

std::vector<std::string> overrides_of(const CompareOptions& opt) {
  std::vector<std::string> o = opt.sim.overrides();
  if (opt.discount) {
    const scenarios::DiscountParts parts = discount_parts(*opt.discount);
    o.push_back(fmt::format("mkba.discount_real={}", parts.real));
    o.push_back(fmt::format("mkba.risk_premium={}", parts.premium));
  }
  return o;
}

void check_lang(const std::string& lang) {
  if (!labels::lang_from_name(lang))
    throw scenarios::ScenarioError("--lang", 0, "", fmt::format("unknown language '{}': en or nl", lang));
}

/// The job's settings (job.txt): everything but the scenarios.
std::string job_settings(const Job& job) {
  return fmt::format("kind {}\nmode {}\nreplications {}\nlang {}\nscenarios {}\ncommand {}\n", job.kind, job.mode,
                     job.replications, job.lang, job.projects.size(), job.command);
}

/// Read the settings into job; returns the number of scenarios. Throws std::runtime_error saying what is wrong
/// with settings that job_settings did not write: empty, cut short or changed.
std::size_t read_job_settings(std::istream& in, Job& job) {
  std::size_t count = 0;
  const auto label = [&in](std::string_view expected) {
    std::string word;
    if (!(in >> word)) throw std::runtime_error(fmt::format("it ends before '{}'", expected));
    if (word != expected) throw std::runtime_error(fmt::format("'{}' where '{}' belongs", word, expected));
  };
  label("kind");
  in >> job.kind;
  label("mode");
  in >> job.mode;
  label("replications");
  in >> job.replications;
  label("lang");
  in >> job.lang;
  label("scenarios");
  in >> count;
  label("command");
  std::getline(in >> std::ws, job.command);
  if (!in) throw std::runtime_error("it ends early");
  if (job.kind != "compare" && job.kind != "sweep" && job.kind != "tornado")
    throw std::runtime_error(fmt::format("unknown kind '{}'", job.kind));
  if (job.replications == 0 || job.replications > maxima::kReplications)
    throw std::runtime_error(fmt::format("replications {} out of range", job.replications));
  if (!labels::lang_from_name(job.lang)) throw std::runtime_error(fmt::format("unknown language '{}'", job.lang));
  if (count == 0 || count > maxima::kGridCells + 1)
    throw std::runtime_error(fmt::format("scenarios {} out of range", count));
  return count;
}

/// Save what a resume needs: the merged project scenarios, their files' notes and the job's settings (last: a
/// folder with a job.txt is complete).
void save_job(const Job& job) {
  fs::create_directories(job.checkpoints());
  for (std::size_t i = 0; i < job.projects.size(); ++i)
    sim::write_text(job.work / fmt::format("scenario-{}.toml", i), scenarios::to_toml(job.projects[i]));
  sim::write_text(job.work / "notes.json", sim::json_text(sim::Json(job.notes)));
  sim::write_text(job.work / "job.txt", job_settings(job));
}

/// The notes a job saved; none when it saved none.
std::vector<std::map<std::string, std::string>> load_notes(const fs::path& work) {
  std::ifstream in(work / "notes.json");
  if (!in) return {};
  try {
    return nlohmann::json::parse(in).get<std::vector<std::map<std::string, std::string>>>();
  } catch (const nlohmann::json::exception&) {
    return {};  // the notes only fill the Inputs sheet's source column
  }
}

/// The comments of a scenario file's values and those of the files it extends (shipped ones by name too); none
/// for the embedded default.
std::map<std::string, std::string> notes_of(const std::string& name) {
  if (name.empty()) return {};
  return scenarios::scenario_value_notes(name);
}

/// The job as one text for the other ranks of an MPI run, which may not share rank 0's disk: the settings, then
/// each merged scenario as TOML after a line with its length.
std::string job_message(const Job& job) {
  std::string text = job_settings(job);
  for (const scenarios::ScenarioDef& def : job.projects) {
    const std::string toml = scenarios::to_toml(def);
    text += fmt::format("{}\n{}", toml.size(), toml);
  }
  return text;
}

Job job_from_message(const std::string& text) {
  std::istringstream in(text);
  Job job;
  const std::size_t count = read_job_settings(in, job);  // written by rank 0: an error here is a bug
  for (std::size_t i = 0; i < count; ++i) {
    std::size_t size = 0;
    in >> size;
    in.ignore(1);
    std::string toml(size, '\0');
    in.read(toml.data(), static_cast<std::streamsize>(size));
    job.projects.push_back(scenarios::load_scenario_text(toml, fmt::format("scenario-{}.toml from rank 0", i)));
  }
  return job;
}

/// The command that resumes a job.
std::string resume_command(const std::string& kind, const fs::path& out) {
  return fmt::format("wijksim {} --resume {}", kind == "compare" ? "compare" : "sweep", out.string());
}

/// Why the work folder of an interrupted run cannot be resumed, or "" when it can (job.txt is there and sound).
/// One wording for every half-state: what is wrong, and to remove the folder.
std::string work_problem(const fs::path& work) {
  const fs::path file = work / "job.txt";
  std::error_code error;
  std::string why;
  if (!fs::exists(file, error)) {
    why = "there is no job.txt (the run stopped before it was set up)";
  } else if (fs::file_size(file, error) == 0) {
    why = fmt::format("{} is empty", file.string());
  } else {
    std::ifstream in(file);
    Job job;
    try {
      read_job_settings(in, job);
    } catch (const std::runtime_error& e) {
      why = fmt::format("{} is damaged ({})", file.string(), e.what());
    }
  }
  if (why.empty()) return {};
  return fmt::format("{} holds a run that cannot be resumed: {}; remove {} and start again", work.string(), why,
                     work.string());
}

/// A job whose work folder exists and is locked by this process.
Job load_job(const fs::path& out) {
  Job job;
  job.out = out;
  job.work = work_folder(out);
  if (const std::string problem = work_problem(job.work); !problem.empty())
    throw scenarios::ScenarioError("--resume", 0, "", problem);
  std::ifstream in(job.work / "job.txt");
  const std::size_t count = read_job_settings(in, job);
  for (std::size_t i = 0; i < count; ++i) {
    const fs::path file = job.work / fmt::format("scenario-{}.toml", i);
    try {
      job.projects.push_back(scenarios::load_scenario(file));
    } catch (const scenarios::ScenarioError& e) {
      throw scenarios::ScenarioError(
          "--resume", 0, "",
          fmt::format("{} holds a run that cannot be resumed: {} is damaged ({}); remove {} and start again",
                      job.work.string(), file.string(), e.what(), job.work.string()));
    }
  }
  job.notes = load_notes(job.work);
  return job;
}

/// Lock the work folder of the interrupted run `out` for --resume; the messages when there is none.
JobLock lock_for_resume(const fs::path& out) {
  const fs::path work = work_folder(out);
  std::error_code error;
  if (!fs::is_directory(work, error)) {
    const std::string why = fs::exists(out, error)
                                ? fmt::format("{} is complete: there is nothing to resume", out.string())
                                : fmt::format("no interrupted run at {} (no {})", out.string(), work.string());
    throw scenarios::ScenarioError("--resume", 0, "", why);
  }
  // A run being set up has no job.txt yet: ask the lock first; and say what is wrong before writing anything.
  if (const std::optional<long> pid = JobLock::holder(work))
    throw scenarios::ScenarioError("--resume", 0, "", JobLock::busy(work, *pid, "--resume"));
  if (const std::string problem = work_problem(work); !problem.empty())
    throw scenarios::ScenarioError("--resume", 0, "", problem);
  return JobLock::take(work, "--resume");
}

/// A new run may not start where another run works or waits to be resumed.
void check_work_folder_free(const Job& job) {
  std::error_code error;
  if (!fs::exists(fs::symlink_status(job.work, error))) return;
  if (const std::optional<long> pid = JobLock::holder(job.work))
    throw scenarios::ScenarioError("--out", 0, "", JobLock::busy(job.work, *pid, "--out"));
  if (const std::string problem = work_problem(job.work); !problem.empty())
    throw scenarios::ScenarioError("--out", 0, "", problem);
  throw scenarios::ScenarioError("--out", 0, "", fmt::format(
      "an interrupted run is in {}: finish it with `{}`, or remove {}", job.work.string(),
      resume_command(job.kind, job.out), job.work.string()));
}

Job new_job(const CompareOptions& opt, std::vector<scenarios::ScenarioDef> projects, const std::string& kind,
            const std::string& cmdline) {
  Job job;
  job.kind = kind;
  job.projects = std::move(projects);
  job.mode = opt.mode.empty() ? job.projects.front().mkba.mode : opt.mode;
  job.replications = opt.replications.value_or(job.projects.front().mkba.replications);
  if (job.replications == 0) throw scenarios::ScenarioError("--replications", 0, "", "at least one replication");
  job.lang = opt.lang;
  job.command = cmdline;
  check_lang(job.lang);
  // The scenario's name is a label: only its slug goes into the default folder's name.
  job.out = opt.out.empty() ? default_output(fmt::format("{}-{}", kind, sim::slug(job.projects.front().name)))
                            : fs::path(opt.out);
  job.work = work_folder(job.out);
  sim::check_output_folder(job.out, "--out", opt.out.empty());
  check_work_folder_free(job);
  return job;
}

/// threads: over all ranks.
std::string manifest_json(const Job& job, const sim::CompareRequest& req, unsigned ranks, unsigned threads,
                          double seconds) {
  sim::Json manifest;
  manifest["tool"] = "wijksim";
  manifest["command"] = job.command;
  manifest["version"] = sim::version();
  manifest["git_hash"] = sim::git_hash();
  manifest["kind"] = job.kind;
  manifest["mode"] = job.mode;
  manifest["seed"] = req.zero.run.seed;
  manifest["replications"] = req.replications;
  manifest["households"] = req.zero.run.households;
  manifest["months"] = req.zero.run.months;
  manifest["ranks"] = ranks;
  manifest["threads"] = threads;
  manifest["wall_seconds"] = sim::json_number(seconds);
  manifest["lang"] = job.lang;
  sim::Json& merged = manifest["scenarios"] = sim::Json::array();
  for (const scenarios::ScenarioDef& def : job.projects) merged.push_back(sim::def_to_json(def));
  return sim::json_text(manifest);
}

/// Fold the checkpoints and write every file of the comparison into the work folder.
sim::CompareResult write_outputs(const Job& job, const sim::CompareRequest& req, unsigned ranks, unsigned threads,
                                 double seconds) {
  std::ofstream rows(job.work / "replications.csv", std::ios::binary);
  rows << sim::replications_csv_header();
  sim::CompareResult result = sim::fold_replications(req, job.checkpoints(), [&](const sim::ReplicationRow& row) {
    rows << sim::replications_csv_row(row, req.alternatives[row.alternative].label);
  });
  sim::with_sources(result.inputs, req, job.notes);
  rows.close();
  if (!rows) throw std::runtime_error("cannot write " + (job.work / "replications.csv").string());
  for (std::size_t a = 0; a < req.alternatives.size(); ++a) {
    try {
      result.alternatives[a].static_estimate = sim::mkba_tool_estimate(sim::with_district_reach(req.alternatives[a].def));
    } catch (const scenarios::ScenarioError&) {
      // The MKBA-tool needs a team; every alternative has one, so this is only a scenario the tool cannot read.
    }
  }
  const labels::Lang lang = *labels::lang_from_name(job.lang);
  sim::write_text(job.work / "mkba.json", sim::mkba_json(result));
  sim::write_text(job.work / "pockets_by_year.csv", sim::compare_pockets_csv(result));
  sim::write_text(job.work / "npv_by_pocket.csv", sim::compare_npv_csv(result));
  sim::write_text(job.work / "ratios.csv", sim::compare_ratios_csv(result));
  sim::write_text(job.work / "net_by_year.csv", sim::compare_net_csv(result));
  sim::write_text(job.work / "levels_by_month.csv", sim::compare_levels_csv(result));
  sim::write_text(job.work / "flows_by_month.csv", sim::compare_flows_csv(result));
  sim::write_text(job.work / "events.csv", sim::compare_events_csv(result));
  sim::write_text(job.work / "report.html", report::report_html(result, lang));
  sim::write_text(job.work / "decision.html", report::decision_html(result, lang));
  report::write_xlsx(result, lang, job.work / "mkba.xlsx");
  sim::write_text(job.work / "manifest.json", manifest_json(job, req, ranks, threads, seconds));
  return result;
}

/// Files a sweep or tornado adds to the comparison's.
void write_sweep_files(const Job& job, const sim::CompareResult& result) {
  const labels::Lang lang = *labels::lang_from_name(job.lang);
  if (job.kind == "sweep") {
    sim::write_text(job.work / "sweep.csv", sim::sweep_csv(result));
    sim::write_text(job.work / "sweep.html", report::sweep_html(result, lang));
  } else if (job.kind == "tornado") {
    const auto rows = sim::tornado_rows(result);
    sim::write_text(job.work / "tornado.csv", sim::tornado_csv(rows));
    sim::write_text(job.work / "tornado.html", report::tornado_html(result, rows, lang));
  }
}

/// What a user needs to know when a distributed run stops early.
std::string resume_hint(const Job& job) {
  return fmt::format("Every finished replication is kept in {}; `{}` finishes the run (under mpirun with any "
                     "number of ranks, or as one process).\n",
                     job.checkpoints().string(), resume_command(job.kind, job.out));
}

/// Printed when a signal ends a run between checkpoints.
std::string interrupted_message(const Job& job) {
  return fmt::format("\ninterrupted: every finished replication is kept in {}; `{}` finishes the run\n",
                     job.checkpoints().string(), resume_command(job.kind, job.out));
}

/// Before a run picks up its checkpoints: one that is damaged or belongs to another run is named with what to do
/// (a resume would otherwise fail on it every time). Leftovers of a checkpoint being written are removed.
void check_checkpoints(const Job& job, const sim::CompareRequest& req) {
  std::error_code error;
  if (!fs::is_directory(job.checkpoints(), error)) return;
  for (const auto& entry : fs::directory_iterator(job.checkpoints(), error))
    if (entry.path().extension() == ".tmp") fs::remove(entry.path(), error);
  for (std::uint32_t r = 0; r < req.replications; ++r) {
    const fs::path file = sim::checkpoint_file(job.checkpoints(), r);
    if (!fs::exists(file, error)) continue;
    std::string problem;  // names the file
    try {
      const sim::ReplicationOutcome o = sim::read_outcome(file);
      if (o.replication != r || o.worlds.size() != req.alternatives.size() + 1)
        problem = fmt::format("{} belongs to another run", file.string());
    } catch (const std::runtime_error& e) {
      problem = e.what();
    }
    if (!problem.empty())
      throw scenarios::ScenarioError("--resume", 0, "", fmt::format(
          "{}; remove that file and resume with `{}` (its replication is computed again)", problem,
          resume_command(job.kind, job.out)));
  }
}

/// Run what is left of a job on every rank, write its files and move the work folder to the output folder. A
/// signal ends the process between checkpoints (with how to resume); while the files are written it waits.
sim::CompareResult finish_job(const Job& job, unsigned threads_opt, const sim::Cluster& cluster, JobLock& lock,
                              Interrupts& interrupts) {
  const auto start = std::chrono::steady_clock::now();
  const unsigned rank_threads = cluster.threads(threads_opt);
  const sim::CompareRequest req = sim::make_request(job.projects, job.mode, job.replications, rank_threads);
  unsigned threads = 0;
  {
    sim::ProgressBar bar(req.replications, fmt::format("paired replications ({} alternatives + zero)", req.alternatives.size()));
    const std::string stopped = "error: the MPI job was ended before the run was complete (a rank died, or the job "
                                "was cancelled).\n" + resume_hint(job);
    try {
      threads = cluster.run(req, job.checkpoints(), rank_threads, stopped,
                            [&bar](std::uint32_t done) { bar.update(done); });
    } catch (const std::exception& e) {
      // The other ranks wait for work from this one: end them all; the checkpoints stay for a resume.
      if (cluster.distributed()) cluster.abort(fmt::format("error: {}\n{}", e.what(), resume_hint(job)));
      throw;
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  interrupts.hold();
  sim::CompareResult result = write_outputs(job, req, cluster.size(), threads, seconds);
  write_sweep_files(job, result);
  // job.txt goes last but one: until then a resume finds a job it can finish.
  fs::remove_all(job.checkpoints());
  fs::remove(job.work / "notes.json");
  fs::remove(job.work / "job.txt");
  lock.remove_file();
  fs::rename(job.work, job.out);
  if (job.kind == "compare") fmt::print("{}", sim::compare_table(result));
  if (job.kind == "sweep") fmt::print("{}", sim::sweep_table(result));
  if (job.kind == "tornado") fmt::print("{}", sim::tornado_table(sim::tornado_rows(result)));
  const std::string ranks = cluster.distributed() ? fmt::format("{} ranks, ", cluster.size()) : "";
  fmt::print("{} paired replications in {:.1f} s on {}{} thread(s). Wrote {} (decision.html, report.html, mkba.xlsx, mkba.json, CSV files)\n",
             req.replications, seconds, ranks, threads, job.out.string());
  if (interrupts.held())
    fmt::print(stderr, "The interrupt came while the files were written; they are complete.\n");
  return result;
}

std::vector<scenarios::ScenarioDef> load_projects(const CompareOptions& opt) {
  std::vector<std::string> names = opt.scenarios;
  if (names.empty()) names.emplace_back("wijkteam");
  if (names.size() > maxima::kGridCells)
    throw scenarios::ScenarioError("scenario", 0, "", fmt::format("at most {} project scenarios", maxima::kGridCells));
  std::vector<scenarios::ScenarioDef> projects;
  for (const std::string& name : names) projects.push_back(SimOptions::load_named(name, overrides_of(opt)));
  return projects;
}


/// A rank other than 0 of an MPI run: compute what rank 0 hands out. It prints and writes nothing (rank 0
/// reports bad input); a failure here ends the whole job.
int serve(const sim::Cluster& cluster, unsigned threads_opt) {
  const std::optional<std::string> message = cluster.receive_job();
  if (!message) return 0;
  try {
    const Job job = job_from_message(*message);
    const unsigned threads = cluster.threads(threads_opt);
    cluster.serve(sim::make_request(job.projects, job.mode, job.replications, threads), threads);
  } catch (const std::exception& e) {
    cluster.abort(fmt::format("error on rank {}: {}\n", cluster.rank(), e.what()));
  }
  return 0;
}

/// Start a new job or pick up an interrupted one, then finish it (on every rank of an MPI run).
int start_or_resume(const CompareOptions& opt, const std::function<Job()>& make) {
  const sim::Cluster cluster;
  if (!cluster.root()) return serve(cluster, opt.sim.threads);
  // Signals wait while the work folder is set up: it is there whole, with its job.txt, or not at all.
  Interrupts interrupts;
  Job job;
  JobLock lock;
  try {
    if (opt.resume.empty()) {
      job = make();
      sim::make_request(job.projects, job.mode, job.replications, opt.sim.threads);  // bad input fails before any file
      lock = JobLock::create(job.work, "--out");
      try {
        save_job(job);
      } catch (...) {
        lock = JobLock();
        fs::remove_all(job.work);
        throw;
      }
    } else {
      lock = lock_for_resume(opt.resume);
      job = load_job(opt.resume);
      check_checkpoints(job, sim::make_request(job.projects, job.mode, job.replications, opt.sim.threads));
    }
  } catch (...) {
    cluster.share_job(std::nullopt);  // nothing to do: the other ranks end, this one reports the error
    throw;
  }
  interrupts.abandon_with(interrupted_message(job));
  cluster.share_job(job_message(job));
  finish_job(job, opt.sim.threads, cluster, lock, interrupts);
  return 0;
}

/// "team.fte" is the first team's fte.
std::string full_key(const std::string& key) { return key.rfind("team.", 0) == 0 ? "teams.0." + key.substr(5) : key; }

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == sep) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  return parts;
}

/// Every combination of the grid as a list of key=value overrides; the number of combinations is checked
/// against its maximum before any is made.
std::vector<std::vector<std::string>> grid_cells(const std::vector<std::string>& grid) {
  std::vector<std::pair<std::string, std::vector<std::string>>> axes;  // key, values
  std::uint64_t count = 1;
  for (const std::string& spec : grid) {
    const auto eq = spec.find('=');
    const std::vector<std::string> values = eq == std::string::npos ? std::vector<std::string>{} : split(spec.substr(eq + 1), ',');
    if (eq == 0 || values.empty() || std::any_of(values.begin(), values.end(), [](const auto& v) { return v.empty(); }))
      throw scenarios::ScenarioError("--grid", 0, "", fmt::format("'{}' is not key=v1,v2,...", spec));
    count *= values.size();  // stays small: checked after every factor
    if (count > maxima::kGridCells)
      throw scenarios::ScenarioError("--grid", 0, "", fmt::format(
          "the grid has more than {} combinations (a sweep has at most {} alternatives); give fewer values",
          maxima::kGridCells, maxima::kGridCells));
    axes.emplace_back(spec.substr(0, eq), values);
  }
  std::vector<std::vector<std::string>> cells{{}};
  for (const auto& [key, values] : axes) {
    std::vector<std::vector<std::string>> next;
    for (const auto& cell : cells)
      for (const std::string& v : values) {
        next.push_back(cell);
        next.back().push_back(full_key(key) + "=" + v);
      }
    cells = std::move(next);
  }
  return cells;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? std::string(sep) : "") + parts[i];
  return out;
}

/// The alternatives of a sweep: one per grid cell; or of a tornado: the base, then each range's low and high end.
std::vector<scenarios::ScenarioDef> sweep_projects(const CompareOptions& opt, const std::string& kind) {
  const std::string name = opt.scenarios.empty() ? "wijkteam" : opt.scenarios.front();
  const std::vector<std::string> base = overrides_of(opt);
  std::vector<std::pair<std::string, std::vector<std::string>>> cells;  // label, overrides
  if (kind == "sweep") {
    for (const auto& cell : grid_cells(opt.grid)) cells.emplace_back(join(cell, " "), cell);
  } else {
    const scenarios::ScenarioDef def = SimOptions::load_named(name, base);
    if (def.mkba.sensitivity.empty())
      throw scenarios::ScenarioError(def.name, 0, "mkba.sensitivity",
                                     "no [[mkba.sensitivity]] ranges declared: --tornado has nothing to vary");
    if (def.mkba.sensitivity.size() * 2 + 1 > maxima::kGridCells)
      throw scenarios::ScenarioError(def.name, 0, "mkba.sensitivity", fmt::format(
          "{} ranges make more than {} alternatives", def.mkba.sensitivity.size(), maxima::kGridCells));
    cells.emplace_back("base", std::vector<std::string>{});
    for (const scenarios::SensitivityDef& s : def.mkba.sensitivity)
      for (const std::string& v : {s.low, s.high}) cells.emplace_back(s.key + "=" + v, std::vector<std::string>{s.key + "=" + v});
  }
  std::vector<scenarios::ScenarioDef> projects;
  for (auto& [label, sets] : cells) {
    std::vector<std::string> overrides = base;
    overrides.insert(overrides.end(), sets.begin(), sets.end());
    projects.push_back(SimOptions::load_named(name, overrides));
    projects.back().name = label;
    // A cell is named after its settings, which the reports put in words; the scenario's own label names the base.
    if (label != "base") projects.back().label.clear();
  }
  return projects;
}

}  // namespace

int cmd_compare(const CompareOptions& opt, const std::string& cmdline) {
  return start_or_resume(opt, [&] {
    Job job = new_job(opt, load_projects(opt), "compare", cmdline);
    for (const std::string& name : opt.scenarios.empty() ? std::vector<std::string>{"wijkteam"} : opt.scenarios)
      job.notes.push_back(notes_of(name));
    return job;
  });
}

int cmd_sweep(const CompareOptions& opt, const std::string& cmdline) {
  if (opt.resume.empty() && opt.grid.empty() && !opt.tornado)
    throw scenarios::ScenarioError("--grid", 0, "", "give at least one --grid key=v1,v2,... or --tornado");
  if (!opt.grid.empty() && opt.tornado)
    throw scenarios::ScenarioError("--grid", 0, "", "--grid and --tornado are separate runs: give one of them");
  const std::string kind = opt.tornado ? "tornado" : "sweep";
  return start_or_resume(opt, [&] {
    Job job = new_job(opt, sweep_projects(opt, kind), kind, cmdline);
    job.notes.push_back(notes_of(opt.scenarios.empty() ? "wijkteam" : opt.scenarios.front()));
    return job;
  });
}

}  // namespace wijksim::cli

/**
 * A job board at province scale inside a bench database: 24,000 enterprises owned by the synthetic
 * province's grassroots unions, and N open jobs (published, before their last day) written
 * set-based in SQL in the shape the app writes them — search text and its two-character keys
 * and area keys (`searchBigrams`, `regionKeys`: the app's own functions) included. Marked in `bench_jobs_marker` so a later run at
 * the same N reuses them.
 */
import type pg from 'pg';
import { regionKeys, searchBigrams } from '../loader/app.js';

const SEED_VERSION = 3;

/** [title, category, lowest pay, description]: the kinds of job the union app carries in Henan. */
export const JOB_TEMPLATES: [string, string, number, string][] = [
  ['电焊工', 'skilled', 6000, '钢结构焊接，持焊工证，包吃住'],
  ['氩弧焊工', 'skilled', 6500, '不锈钢管道氩弧焊，计件工资'],
  ['普工', 'manufacturing', 4200, '流水线操作，两班倒，包住宿'],
  ['手机组装普工', 'manufacturing', 4800, '无尘车间组装，加班费另计'],
  ['注塑机操作工', 'manufacturing', 4600, '注塑机上下料，带薪培训'],
  ['品质检验员', 'manufacturing', 4500, '来料与成品检验，长白班'],
  ['包装工', 'manufacturing', 3800, '成品包装与装箱，计件'],
  ['维修电工', 'skilled', 6500, '设备与配电巡检维修，持电工证'],
  ['数控车床操作工', 'skilled', 6000, '数控车床编程与操作'],
  ['钳工', 'skilled', 5800, '模具装配与维修'],
  ['钢筋工', 'construction', 8000, '住宅项目钢筋绑扎，工资月结'],
  ['木工', 'construction', 8500, '高层支模，按方量计件'],
  ['瓦工', 'construction', 8000, '砌墙抹灰，工地包住'],
  ['塔吊司机', 'construction', 9000, '持建筑起重机械操作证'],
  ['施工员', 'construction', 6000, '现场施工组织与质量管理'],
  ['快递员', 'logistics', 6000, '片区收派件，多劳多得'],
  ['分拣员', 'logistics', 4500, '转运中心包裹分拣，夜班补贴'],
  ['叉车司机', 'logistics', 5500, '仓库装卸，持叉车证'],
  ['货车司机', 'logistics', 8000, '干线运输，B2 驾照'],
  ['仓库管理员', 'logistics', 4800, '出入库与盘点，会用电脑'],
  ['外卖骑手', 'logistics', 6000, '就近配送，时间灵活'],
  ['厨师', 'catering', 6000, '中餐热菜，三年以上经验'],
  ['烩面师傅', 'catering', 6000, '羊肉烩面面案，包吃住'],
  ['服务员', 'catering', 3600, '前厅点餐传菜，包吃住'],
  ['洗碗工', 'catering', 3200, '后厨清洁，包吃住'],
  ['面点师', 'catering', 5000, '包子馒头等面点制作'],
  ['保洁员', 'housekeeping', 2800, '楼宇公共区域清洁'],
  ['育婴师', 'housekeeping', 7000, '持育婴师证，住家可选'],
  ['养老护理员', 'housekeeping', 4500, '养老院老人日常照护'],
  ['住家保姆', 'housekeeping', 6000, '做饭打扫，照顾老人'],
  ['保安', 'other', 3800, '门岗巡逻，做一休一'],
  ['小区保安', 'other', 3600, '小区门岗，退役军人优先'],
  ['绿化养护工', 'other', 3500, '园林修剪与浇灌'],
  ['销售代表', 'sales', 5000, '客户拓展，底薪加提成'],
  ['电话销售', 'sales', 4000, '电话回访与邀约'],
  ['门店店员', 'sales', 3800, '商品陈列与收银'],
  ['汽车销售顾问', 'sales', 5000, '4S 店整车销售'],
  ['行政文员', 'clerical', 4000, '文件收发与会务'],
  ['出纳', 'clerical', 4500, '现金与银行日记账'],
  ['会计', 'clerical', 5500, '全盘账务，持初级会计证'],
  ['客服专员', 'clerical', 4000, '来电来访接待'],
  ['前台接待', 'clerical', 3800, '访客接待与电话转接'],
  ['Java 开发工程师', 'it', 10000, '后端开发，五险一金'],
  ['前端开发工程师', 'it', 9000, 'React 页面开发'],
  ['网络管理员', 'it', 6000, '机房与网络维护'],
  ['软件测试工程师', 'it', 7000, '功能与接口测试'],
];

/** Keywords the benchmark searches, as a worker types them. */
export const SEARCH_WORDS = [
  '焊工',
  '普工',
  '司机',
  '保洁',
  '厨师',
  '销售',
  '电工',
  '叉车',
  '快递',
  '保安',
  '会计',
  '护理',
];

const BRANDS = [
  '中原',
  '豫兴',
  '华夏',
  '黄河',
  '嵩山',
  '宏达',
  '恒通',
  '顺发',
  '金鼎',
  '天成',
  '鑫源',
  '瑞丰',
  '泰和',
  '永盛',
  '博远',
  '联创',
  '广汇',
  '百盛',
  '福康',
  '新亚',
];
const TRADES = [
  '机械制造',
  '建筑工程',
  '物流',
  '餐饮管理',
  '家政服务',
  '物业服务',
  '电子科技',
  '汽车销售',
  '食品',
  '纺织',
  '软件科技',
  '商贸',
];

export interface JobsInfo {
  jobs: number;
  enterprises: number;
  cities: string[];
}

export async function ensureJobs(
  client: pg.ClientBase,
  opts: {
    jobs: number;
    enterprises: number;
    log?: (line: string) => void;
    /** Brings the schema up to the app's migrations; run on the emptied board before a build. */
    migrate?: () => Promise<void>;
  },
): Promise<JobsInfo> {
  const log = opts.log ?? console.info;
  await client.query(
    `create table if not exists bench_jobs_marker (jobs integer not null, enterprises integer not null, version integer not null)`,
  );
  const marker = (await client.query(`select jobs, enterprises, version from bench_jobs_marker`)).rows[0];
  if (
    !marker ||
    marker.jobs !== opts.jobs ||
    marker.enterprises !== opts.enterprises ||
    marker.version !== SEED_VERSION
  ) {
    const started = performance.now();
    await build(client, opts, log);
    log(
      `job board: ${opts.jobs.toLocaleString('en')} jobs built in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  const cities = (
    await client.query(`select distinct substr(region_code, 1, 4) || '00' as code from jobs
      where region_code like '41%' order by 1`)
  ).rows.map((r) => r.code as string);
  return { jobs: opts.jobs, enterprises: opts.enterprises, cities };
}

async function build(
  client: pg.ClientBase,
  opts: { jobs: number; enterprises: number; migrate?: () => Promise<void> },
  log: (line: string) => void,
): Promise<void> {
  await client.query(
    `truncate job_fair_jobs, job_fair_enterprises, job_fairs, job_applications, jobs restart identity cascade`,
  );
  // A board built by an older version may predate the search's migrations: apply them while empty.
  await opts.migrate?.();
  await client.query(`delete from bench_jobs_marker`);
  await client.query(`delete from enterprises where credit_code like '%BENC0'`);
  const [recruiter] = (
    await client.query(`insert into staff_users (org_id, username, display_name, password_hash, roles)
      values (1, 'bench_jobs_recruiter', '压测招聘账号', 'x', array['enterprise_recruiter'])
      on conflict (username) do update set display_name = excluded.display_name returning id`)
  ).rows;
  // Enterprises: owned by the grassroots unions in turn, named and keyed here with the app's function.
  const unions = (
    await client.query(
      `select id, region_code from orgs where level = 'grassroots' and region_code is not null order by id`,
    )
  ).rows as { id: string; region_code: string }[];
  if (!unions.length) throw new Error('the bench database has no grassroots unions');
  await client.query(`create temp table bench_ent (n integer primary key, id bigint, name text, region_code char(6),
    owner bigint, bigrams text[])`);
  const batch = 1000;
  for (let start = 0; start < opts.enterprises; start += batch) {
    const rows: unknown[] = [];
    const values: string[] = [];
    for (let i = start; i < Math.min(start + batch, opts.enterprises); i++) {
      const u = unions[(i * 7919) % unions.length]!;
      const name = `河南${BRANDS[i % BRANDS.length]}${TRADES[Math.floor(i / BRANDS.length) % TRADES.length]}${i}号有限公司`;
      const p = rows.length;
      values.push(`($${p + 1}::int, $${p + 2}, $${p + 3}::char(6), $${p + 4}::bigint, $${p + 5}::text[])`);
      rows.push(i, name, u.region_code, u.id, [...searchBigrams(name), ...regionKeys(u.region_code)]);
    }
    await client.query(
      `insert into bench_ent (n, name, region_code, owner, bigrams) values ${values.join(', ')}`,
      rows,
    );
  }
  await client.query(`with made as (
      insert into enterprises (credit_code, name, name_pinyin, name_initials, industry_code, region_code, province_code,
        owner_org_id, org_id)
      select '91' || b.region_code || lpad(b.n::text, 5, '0') || 'BENC0', b.name, '', '', 'C', b.region_code,
        substr(b.region_code, 1, 2) || '0000', b.owner, b.owner
      from bench_ent b order by b.n
      returning id, name)
    update bench_ent b set id = made.id from made where made.name = b.name`);
  log(`job board: ${opts.enterprises.toLocaleString('en')} enterprises`);
  await client.query(`create temp table bench_tpl (n integer primary key, title text, category text, salary integer,
    description text, bigrams text[])`);
  for (const [i, [title, category, salary, description]] of JOB_TEMPLATES.entries())
    await client.query(`insert into bench_tpl values ($1, $2, $3, $4, $5, $6)`, [
      i,
      title,
      category,
      salary,
      description,
      searchBigrams(`${title} ${description}`),
    ]);
  // The app's search indexes are built after the load: one pass each instead of a million updates.
  const indexes = (
    await client.query(`select indexname, indexdef from pg_indexes where tablename = 'jobs'
      and indexname not like '%pkey'`)
  ).rows as { indexname: string; indexdef: string }[];
  for (const ix of indexes) await client.query(`drop index ${ix.indexname}`);
  await client.query(
    `insert into jobs (province_code, enterprise_id, org_id, title, category, salary_min, salary_max, region_code,
       requirements, headcount, valid_until, expires_at, description, search_text, search_bigrams, status,
       created_by, reviewed_by, submitted_at, published_at, created_at, updated_at)
     select substr(e.region_code, 1, 2) || '0000', e.id, e.owner, t.title, t.category,
       t.salary + (g % 5) * 500, t.salary + (g % 5) * 500 + 1000 + (g % 4) * 500, e.region_code,
       '', 1 + g % 20, v.until, (v.until + 1)::timestamp at time zone 'Asia/Shanghai', t.description,
       lower(t.title || ' ' || e.name || ' ' || t.description), t.bigrams || e.bigrams, 'published',
       $2, $2, p.at - interval '1 day', p.at, p.at - interval '1 day', p.at
     from generate_series(1, $1::int) g
     join bench_tpl t on t.n = g % ${JOB_TEMPLATES.length}
     join bench_ent e on e.n = (g::bigint * 104729) % ${opts.enterprises}
     cross join lateral (select now() - (g % 5184000) * interval '1 second' as at) p
     cross join lateral (select current_date + 7 + (g % 90) as until) v`,
    [opts.jobs, recruiter.id],
  );
  log(`job board: ${opts.jobs.toLocaleString('en')} jobs inserted; building the search indexes`);
  await client.query(`set maintenance_work_mem = '1GB'`);
  for (const ix of indexes) await client.query(ix.indexdef);
  // As autovacuum leaves a table after a bulk load: hint bits set, visibility map and statistics.
  await client.query('vacuum analyze jobs');
  await client.query('analyze enterprises');
  await client.query(`insert into bench_jobs_marker values ($1, $2, $3)`, [
    opts.jobs,
    opts.enterprises,
    SEED_VERSION,
  ]);
}
